import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { clientAad } from "@/server/authorization-server/adapter";
import { recordId } from "@/server/authorization-server/record-id";
import { openSecret, sealSecret } from "@/server/crypto/secret-box";
import { getDb } from "@/server/db";
import { insertGrant } from "@/server/db/queries/oauth-server-grants";
import { oauthServerClients, oauthServerGrants, oauthServerRecords } from "@/server/db/schema";
import { callerAs, callerFromHeaders, createOwner } from "../support/fixtures";

async function owner() {
  const { user, workspace } = await createOwner("oauth-admin");
  return { user, workspace, caller: callerAs(user.id, workspace.id) };
}

describe("pre-registered OAuth clients", () => {
  it("a confidential client's secret is shown once and sealed at rest with its metadata", async () => {
    const { caller } = await owner();
    const created = await caller.oauthClients.create({ name: "ChatGPT (Acme)", redirectUris: ["https://chatgpt.com/connector_platform_oauth_redirect"], type: "confidential" });
    expect(created.clientId).toMatch(/^sy_client_[A-Za-z0-9_-]{22}$/);
    expect(created.clientSecret).toMatch(/^sy_secret_[A-Za-z0-9_-]{43}$/);

    const listed = await caller.oauthClients.list();
    expect(listed).toEqual([expect.objectContaining({ clientId: created.clientId, name: "ChatGPT (Acme)", type: "confidential", tokenEndpointAuthMethod: "client_secret_basic" })]);
    expect(listed[0]!.redirectUris).toEqual(["https://chatgpt.com/connector_platform_oauth_redirect"]);
    expect(JSON.stringify(listed)).not.toContain(created.clientSecret);

    const dump = JSON.stringify(await (await getDb()).execute(sql`select * from oauth_server_clients`));
    expect(dump).not.toContain(created.clientSecret);
    expect(dump).not.toContain("connector_platform_oauth_redirect");

    const [row] = await (await getDb()).select().from(oauthServerClients).where(eq(oauthServerClients.clientId, created.clientId));
    expect(row).toMatchObject({ kind: "preregistered", name: "ChatGPT (Acme)" });
    expect(JSON.parse(openSecret(row!.metadataCiphertext, clientAad(created.clientId)))).toEqual({
      client_id: created.clientId,
      client_secret: created.clientSecret,
      client_name: "ChatGPT (Acme)",
      redirect_uris: ["https://chatgpt.com/connector_platform_oauth_redirect"],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    });
    // Bound to its row: moved to another client id, it does not open.
    expect(() => openSecret(row!.metadataCiphertext, clientAad("sy_client_other"))).toThrow();
  });

  it("a public client has no secret and authenticates with none; a confidential one may pick client_secret_post", async () => {
    const { caller } = await owner();
    const cli = await caller.oauthClients.create({ name: "CLI", redirectUris: ["http://127.0.0.1/callback", " http://127.0.0.1/callback "], type: "public" });
    expect(cli).toMatchObject({ clientSecret: null, tokenEndpointAuthMethod: "none", redirectUris: ["http://127.0.0.1/callback"] });
    const post = await caller.oauthClients.create({ name: "Tool", redirectUris: ["https://tool.example/cb"], type: "confidential", secretMethod: "client_secret_post" });
    expect(post.tokenEndpointAuthMethod).toBe("client_secret_post");
    const types = Object.fromEntries((await caller.oauthClients.list()).map((c) => [c.name, c.type]));
    expect(types).toEqual({ CLI: "public", Tool: "confidential" });
  });

  it.each([
    ["http://tool.example/cb", "loopback"],
    ["javascript:alert(1)", "javascript:"],
    ["https://tool.example/cb#frag", "fragment"],
    ["https://user:pw@tool.example/cb", "credentials"],
    ["not a uri", "absolute"],
  ])("the redirect URI %s is refused with a clear error and nothing is stored", async (uri, named) => {
    const { caller, workspace } = await owner();
    const attempt = caller.oauthClients.create({ name: "Bad", redirectUris: ["https://fine.example/cb", uri], type: "public" });
    await expect(attempt).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining(named) });
    await expect(attempt).rejects.toMatchObject({ message: expect.stringContaining(uri) });
    const rows = await (await getDb()).select().from(oauthServerClients).where(eq(oauthServerClients.workspaceId, workspace.id));
    expect(rows).toEqual([]);
  });

  it("no redirect URI at all is refused", async () => {
    const { caller } = await owner();
    await expect(caller.oauthClients.create({ name: "None", redirectUris: ["  "], type: "public" })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("at least one redirect URI") });
  });

  it("an API key cannot create a client, even an owner's", async () => {
    const { caller } = await owner();
    const { key } = await caller.apiKeys.create({ name: "ci", role: "owner" });
    const viaKey = await callerFromHeaders({ authorization: `Bearer ${key}` });
    await expect(viaKey.oauthClients.create({ name: "Sneaky", redirectUris: ["https://x.example/cb"], type: "public" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("deleting a client removes its grants in this workspace with everything issued under them, and nothing else", async () => {
    const { user, workspace, caller } = await owner();
    const app = await caller.apps.create({ type: "chat", name: "Served" });
    const doomed = await caller.oauthClients.create({ name: "Doomed", redirectUris: ["https://doomed.example/cb"], type: "public" });
    const kept = await caller.oauthClients.create({ name: "Kept", redirectUris: ["https://kept.example/cb"], type: "public" });
    const db = await getDb();
    const grant = (grantId: string, clientId: string) =>
      insertGrant(db, { grantId, workspaceId: workspace.id, appId: app.id, userId: user.id, clientId, clientName: "x", redirectHost: "x.example" });
    const record = (id: string, grantId: string | null) =>
      db.insert(oauthServerRecords).values({ id, model: id.split(":")[0]!, grantId, payloadCiphertext: sealSecret("{}", `oauth_server_records:${id}`) });
    const tag = doomed.clientId.slice(-8);
    await grant(`g-doomed-${tag}`, doomed.clientId);
    await grant(`g-kept-${tag}`, kept.clientId);
    await record(recordId("Grant", `g-doomed-${tag}`), null);
    await record(`AccessToken:doomed-${tag}`, `g-doomed-${tag}`);
    await record(`RefreshToken:doomed-${tag}`, `g-doomed-${tag}`);
    await record(recordId("Grant", `g-kept-${tag}`), null);
    await record(`AccessToken:kept-${tag}`, `g-kept-${tag}`);

    await caller.oauthClients.delete({ id: doomed.clientId });

    const grants = await db.select({ id: oauthServerGrants.grantId }).from(oauthServerGrants).where(eq(oauthServerGrants.workspaceId, workspace.id));
    expect(grants.map((g) => g.id)).toEqual([`g-kept-${tag}`]);
    const records = await db.select({ id: oauthServerRecords.id }).from(oauthServerRecords).where(sql`${oauthServerRecords.id} like ${`%${tag}%`} or ${oauthServerRecords.id} in (${recordId("Grant", `g-doomed-${tag}`)}, ${recordId("Grant", `g-kept-${tag}`)})`);
    expect(records.map((r) => r.id).sort()).toEqual([`AccessToken:kept-${tag}`, recordId("Grant", `g-kept-${tag}`)].sort());
    expect((await caller.oauthClients.list()).map((c) => c.name)).toEqual(["Kept"]);
    await expect(caller.oauthClients.delete({ id: doomed.clientId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("another workspace can neither see nor delete the client", async () => {
    const a = await owner();
    const b = await owner();
    const created = await a.caller.oauthClients.create({ name: "A's", redirectUris: ["https://a.example/cb"], type: "public" });
    expect(await b.caller.oauthClients.list()).toEqual([]);
    await expect(b.caller.oauthClients.delete({ id: created.clientId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await a.caller.oauthClients.list()).map((c) => c.clientId)).toEqual([created.clientId]);
  });
});

// A write-only secret is bound to where it was entered: a masked value sent back keeps the stored secret only while
// the origin (scheme, host, port) stays the same. Every secret-bearing procedure is tried against a listener on
// another port that must hear nothing, and nothing stored may change after a refusal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { getMcpServer } from "@/server/db/queries/mcp-servers";
import { getModelProvider } from "@/server/db/queries/model-providers";
import { oauthRedirectUrl } from "@/server/mcp/oauth/redirect-url";
import { openServerUrl } from "@/server/mcp/servers/server-url";
import { dumpDatabase } from "../support/dump-database";
import { startFakeModelApi, type FakeModelApi } from "../support/fake-model-api";
import { addMember, callerAs, createOwner } from "../support/fixtures";
import { authorizeServer, startOAuthPeers, type OAuthPeers } from "../support/mcp-oauth";
import { startRequestRecorder, type RequestRecorder } from "../support/request-recorder";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";

const bearer = "Bearer CA-header-secret-0956";
const apiKey = "hdr-oauth-moved-7312";
const client = { clientId: "switchyard-moved", clientSecret: "client-secret-moved-88a1c3" };
const providerKey = "sk-provider-moved-5e4d3c2b";
const moved = "saved secrets are kept only while the server's address (scheme, host, port) stays the same.";

let guarded: TestMcpServer;
let oauth: OAuthPeers;
let api: FakeModelApi;
let listener: RequestRecorder;

beforeAll(async () => {
  [guarded, oauth, api, listener] = await Promise.all([
    startTestMcpServer({ requiredHeaders: { authorization: bearer } }),
    startOAuthPeers({ requiredHeaders: { "x-api-key": apiKey }, preRegistered: { ...client, redirectUris: [oauthRedirectUrl()] } }),
    startFakeModelApi({ key: providerKey, models: ["m"] }),
    startRequestRecorder(),
  ]);
});
afterAll(async () => {
  await Promise.all([guarded?.close(), oauth?.close(), api?.close(), listener?.close()]);
});

async function owner() {
  const { user, workspace } = await createOwner();
  return { user, workspace, caller: callerAs(user.id, workspace.id) };
}

type Caller = ReturnType<typeof callerAs>;
type PublicServer = Awaited<ReturnType<Caller["mcpServers"]["get"]>>;

/** What the console's form sends back for a saved server: every secret as it was shown (masked). */
function formOf(server: PublicServer) {
  return {
    id: server.id,
    name: server.name,
    identifier: server.identifier,
    url: server.url,
    transport: server.transport,
    headers: server.headers,
    authMode: server.authMode,
    oauthClientId: server.oauth.clientId ?? undefined,
    oauthClientSecret: server.oauth.clientSecret ?? undefined,
  };
}

async function storedRow(workspaceId: string, id: string) {
  return (await getMcpServer(await getDb(), { workspaceId, id }))!;
}

function expectListenerHeardNothing(...secrets: string[]) {
  expect(listener.requests).toEqual([]);
  for (const secret of secrets) expect(listener.everything()).not.toContain(secret);
}

describe("a masked MCP server secret stays with the server's address", () => {
  it("Test connection with a saved server's masked header and another address is refused, and that address hears nothing", async () => {
    const { caller } = await owner();
    const server = await caller.mcpServers.create({ name: "Guarded", identifier: "guarded", url: guarded.url, headers: [{ name: "Authorization", value: bearer }] });
    expect(server.headers).toEqual([{ name: "Authorization", value: "••••0956" }]);

    const elsewhere = caller.mcpServers.testConnection({ id: server.id, connection: { url: `${listener.origin}/mcp`, headers: server.headers } });
    await expect(elsewhere).rejects.toMatchObject({ code: "BAD_REQUEST", message: `Enter again: header Authorization — ${moved}` });
    expectListenerHeardNothing(bearer);

    // The same form at the saved address still tests with the stored value.
    const here = await caller.mcpServers.testConnection({ id: server.id, connection: { url: guarded.url, headers: server.headers } });
    expect(here.ok).toBe(true);
  });

  it("an edit moving a server with its masked header to another address is refused, nothing stored changes, and Update tools and Try a tool still reach the saved server", async () => {
    const { caller, workspace } = await owner();
    const server = await caller.mcpServers.create({ name: "Guarded", identifier: "guarded", url: guarded.url, headers: [{ name: "Authorization", value: bearer }] });
    const before = await storedRow(workspace.id, server.id);

    const edit = caller.mcpServers.update({ ...formOf(server), url: `${listener.origin}/mcp` });
    await expect(edit).rejects.toMatchObject({ code: "BAD_REQUEST", message: `Enter again: header Authorization — ${moved}` });
    expect(await storedRow(workspace.id, server.id)).toEqual(before);

    const preview = await caller.mcpServers.previewTools({ id: server.id });

    if (preview.status !== "ok") throw new Error(preview.message);
    expect(preview.tools.map((t) => t.name)).toContain("echo");
    await caller.mcpServers.applyTools({ id: server.id, token: preview.token });
    const echo = await caller.mcpServers.callTool({ id: server.id, name: "echo", arguments: { text: "still here" } });
    expect(JSON.stringify(echo.result.content)).toContain("still here");
    expectListenerHeardNothing(bearer);
  });

  it("an oauth_custom server moved with its masked header and client secret is refused naming both, and Authorize still goes to its own authorization server", async () => {
    const { user, caller, workspace } = await owner();
    const server = await caller.mcpServers.create({
      name: "Custom",
      identifier: "custom",
      url: oauth.mcp.url,
      headers: [{ name: "X-Api-Key", value: apiKey }],
      authMode: "oauth_custom",
      oauthClientId: client.clientId,
      oauthClientSecret: client.clientSecret,
    });
    expect(server.oauth.clientSecret).toBe("••••a1c3");
    const before = await storedRow(workspace.id, server.id);

    const edit = caller.mcpServers.update({ ...formOf(server), url: `${listener.origin}/mcp` });
    await expect(edit).rejects.toMatchObject({ code: "BAD_REQUEST", message: `Enter again: header X-Api-Key, OAuth client secret — ${moved}` });
    expect(await storedRow(workspace.id, server.id)).toEqual(before);

    const grants = oauth.as.grants.length;
    const { outcome } = await authorizeServer(caller, { serverId: server.id, userId: user.id });
    expect(outcome.ok).toBe(true);
    expect(oauth.as.grants.slice(grants)).toEqual([expect.objectContaining({ grantType: "authorization_code", ok: true })]);
    expectListenerHeardNothing(apiKey, client.clientSecret);
  });

  it("a masked secret is kept when only the path changes on the same origin", async () => {
    const { caller, workspace } = await owner();
    const server = await caller.mcpServers.create({ name: "Guarded", identifier: "guarded", url: guarded.url, headers: [{ name: "Authorization", value: bearer }] });
    const before = await storedRow(workspace.id, server.id);
    const edited = await caller.mcpServers.update({ ...formOf(server), url: `${new URL(guarded.url).origin}/other/mcp` });
    expect(edited.url).toBe(`${new URL(guarded.url).origin}/other/mcp`);
    expect((await storedRow(workspace.id, server.id)).headers).toEqual(before.headers);
    expect((await caller.mcpServers.testConnection({ id: server.id, connection: { url: edited.url, headers: edited.headers } })).ok).toBe(true);
  });

  it("a masked value with nothing saved behind it is refused, on a new server and on a new header alike", async () => {
    const { caller } = await owner();
    const create = caller.mcpServers.create({ name: "New", identifier: "new", url: guarded.url, headers: [{ name: "Authorization", value: "••••0956" }] });
    await expect(create).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Enter again: header Authorization — a masked value") });
    const server = await caller.mcpServers.create({ name: "Plain", identifier: "plain", url: guarded.url });
    const edit = caller.mcpServers.update({ ...formOf(server), headers: [{ name: "X-Extra", value: "••••abcd" }] });
    await expect(edit).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Enter again: header X-Extra") });
    expect(await caller.mcpServers.list()).toEqual([expect.objectContaining({ id: server.id, headers: [] })]);
  });
});

describe("an MCP server URL with credentials in it", () => {
  const pathToken = "sk-live-abcdef1234567890xyz";
  const queryKey = "qk-4f9a8b7c6d5e";

  it("is sealed at rest, shown with its credentials masked, and the masked URL sent back keeps the stored one", async () => {
    const { caller, workspace } = await owner();
    const secretUrl = `${listener.origin}/mcp/${pathToken}?api_key=${queryKey}`;
    const shown = `${listener.origin}/mcp/••••0xyz?api_key=••••6d5e`;
    const server = await caller.mcpServers.create({ name: "In URL", identifier: "in-url", url: secretUrl });
    expect(server.url).toBe(shown);

    const member = callerAs((await addMember(workspace.id, "member")).id, workspace.id);
    const seen = JSON.stringify([await member.mcpServers.list(), await member.mcpServers.get({ id: server.id })]);
    expect(seen).toContain(shown);
    for (const secret of [pathToken, queryKey]) {
      expect(seen).not.toContain(secret);
      expect(await dumpDatabase()).not.toContain(secret);
    }

    // An editor renames the server: the masked URL comes back and the stored URL is kept.
    const renamed = await caller.mcpServers.update({ ...formOf(server), name: "Renamed" });
    expect(renamed).toMatchObject({ name: "Renamed", url: shown });
    expect(openServerUrl(await storedRow(workspace.id, server.id))).toBe(secretUrl);

    // Test connection with the masked URL goes to the stored URL itself (the listener is this server).
    await caller.mcpServers.testConnection({ id: server.id, connection: { url: shown } });
    expect(listener.requests.some((r) => r.url === `/mcp/${pathToken}?api_key=${queryKey}`)).toBe(true);
    listener.requests.length = 0;
  });

  it("a masked URL changed around its masked parts, or moved to another address, is refused and nothing is sent", async () => {
    const { caller, workspace } = await owner();
    const secretUrl = `${new URL(guarded.url).origin}/mcp/${pathToken}`;
    const server = await caller.mcpServers.create({ name: "In URL", identifier: "in-url", url: secretUrl });
    const before = await storedRow(workspace.id, server.id);
    for (const url of [server.url.replace("/mcp/", "/mcp2/"), server.url.replace(new URL(guarded.url).origin, listener.origin)]) {
      await expect(caller.mcpServers.update({ ...formOf(server), url })).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Enter again: server URL") });
      await expect(caller.mcpServers.testConnection({ id: server.id, connection: { url } })).rejects.toMatchObject({ message: expect.stringContaining("Enter again: server URL") });
    }
    expect(await storedRow(workspace.id, server.id)).toEqual(before);
    expectListenerHeardNothing(pathToken);
  });
});

describe("a masked model provider key stays with the provider's address", () => {
  it("moving a provider to another address with its masked key is refused, nothing stored changes, and Test still reaches the saved API", async () => {
    const { caller, workspace } = await owner();
    const provider = await caller.modelProviders.create({ kind: "openai_compatible", name: "Compat", baseUrl: api.baseUrl, apiKey: providerKey });
    expect(provider.apiKey).toBe("••••3c2b");
    const before = await getModelProvider(await getDb(), { workspaceId: workspace.id, id: provider.id });

    const edit = caller.modelProviders.update({ id: provider.id, kind: "openai_compatible", name: "Compat", baseUrl: `${listener.origin}/v1`, apiKey: provider.apiKey });
    await expect(edit).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Enter again: API key — saved secrets are kept only while the provider's address (scheme, host, port) stays the same.",
    });
    expect(await getModelProvider(await getDb(), { workspaceId: workspace.id, id: provider.id })).toEqual(before);
    expect(await caller.modelProviders.test({ id: provider.id })).toMatchObject({ ok: true });
    expect(await caller.modelProviders.refreshModels({ id: provider.id })).toMatchObject({ ok: true, provider: { models: [expect.objectContaining({ id: "m" })] } });
    expectListenerHeardNothing(providerKey);
  });
});

// Connected clients (the MCP Server tab) and a person's own grants (account settings): listing and revoking. The
// grant rows and the authorization server's records are inserted with the queries directly, as the consent page
// and oidc-provider's adapter would write them; revoking must remove both.
import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { recordId } from "@/server/authorization-server/record-id";
import { resourceUrl } from "@/server/authorization-server/resource";
import { verifyAccessToken } from "@/server/authorization-server/verify-access-token";
import { getDb } from "@/server/db";
import { insertGrant } from "@/server/db/queries/oauth-server-grants";
import { oauthServerGrants, oauthServerRecords } from "@/server/db/schema";
import { serverOfNewOwner } from "../support/enabled-server";
import { addMember, callerAs, createOwner } from "../support/fixtures";
import { issueTokens, oauthRequest } from "../support/oauth-server-flow";

/** A grant as the consent page writes it, with an access token and a refresh token issued under it. */
async function grant({ workspaceId, appId, userId, clientName = "Claude" }: { workspaceId: string; appId: string; userId: string; clientName?: string }) {
  const db = await getDb();
  const grantId = randomUUID().replaceAll("-", "");
  await insertGrant(db, { grantId, workspaceId, appId, userId, clientId: `https://${clientName.toLowerCase()}.example/client.json`, clientName, redirectHost: "claude.ai" });
  const records = [recordId("Grant", grantId), recordId("AccessToken", randomUUID()), recordId("RefreshToken", randomUUID())];
  await db.insert(oauthServerRecords).values(
    records.map((id, i) => ({ id, model: id.split(":")[0]!, grantId: i === 0 ? null : grantId, payloadCiphertext: "sealed", expiresAt: new Date(Date.now() + 3_600_000) })),
  );
  return { grantId, records };
}

async function remaining(grantId: string, records: string[]) {
  const db = await getDb();
  const grants = await db.select().from(oauthServerGrants).where(eq(oauthServerGrants.grantId, grantId));
  const left = await db.select({ id: oauthServerRecords.id }).from(oauthServerRecords).where(inArray(oauthServerRecords.id, records));
  return { grants: grants.length, records: left.length };
}

describe("connected clients of a published server", () => {
  it("lists each client with the person who approved it, newest first, with nothing once there are none", async () => {
    const { owner, app, workspace, user } = await serverOfNewOwner("grants");
    expect(await owner.publishedServers.listGrants({ appId: app.id })).toEqual([]);
    const ada = await addMember(workspace.id, "member");
    await grant({ workspaceId: workspace.id, appId: app.id, userId: user.id, clientName: "Claude" });
    await grant({ workspaceId: workspace.id, appId: app.id, userId: ada.id, clientName: "ChatGPT" });
    const list = await owner.publishedServers.listGrants({ appId: app.id });
    expect(list.map((g) => [g.clientName, g.userEmail])).toEqual([
      ["ChatGPT", ada.email],
      ["Claude", expect.stringContaining("grants-")],
    ]);
    expect(list[0]).toMatchObject({ redirectHost: "claude.ai", lastUsedAt: null, createdAt: expect.any(Date) });
  });

  it("revoking a client removes its grant and every token issued under it", async () => {
    const { owner, app, workspace, user } = await serverOfNewOwner("grants");
    const kept = await grant({ workspaceId: workspace.id, appId: app.id, userId: user.id, clientName: "Cursor" });
    const { grantId, records } = await grant({ workspaceId: workspace.id, appId: app.id, userId: user.id });
    expect(await remaining(grantId, records)).toEqual({ grants: 1, records: 3 });
    await owner.publishedServers.revokeGrant({ appId: app.id, grantId });
    expect(await remaining(grantId, records)).toEqual({ grants: 0, records: 0 });
    expect(await remaining(kept.grantId, kept.records)).toEqual({ grants: 1, records: 3 });
    await expect(owner.publishedServers.revokeGrant({ appId: app.id, grantId })).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/already revoked/) });
  });

  it("an editor may revoke, a member may neither list nor revoke, and another app's grant is out of reach", async () => {
    const { owner, app, workspace, user } = await serverOfNewOwner("grants");
    const { grantId, records } = await grant({ workspaceId: workspace.id, appId: app.id, userId: user.id });
    const member = callerAs((await addMember(workspace.id, "member")).id, workspace.id);
    await expect(member.publishedServers.listGrants({ appId: app.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(member.publishedServers.revokeGrant({ appId: app.id, grantId })).rejects.toMatchObject({ code: "FORBIDDEN" });

    const other = await owner.apps.create({ type: "chat", name: "Another app" });
    await expect(owner.publishedServers.revokeGrant({ appId: other.id, grantId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const stranger = await createOwner("stranger");
    await expect(callerAs(stranger.user.id, stranger.workspace.id).publishedServers.revokeGrant({ appId: app.id, grantId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await remaining(grantId, records)).toEqual({ grants: 1, records: 3 });

    const editor = callerAs((await addMember(workspace.id, "editor")).id, workspace.id);
    await editor.publishedServers.revokeGrant({ appId: app.id, grantId });
    expect(await remaining(grantId, records)).toEqual({ grants: 0, records: 0 });
  });
});

describe("a person's own grants in account settings", () => {
  it("lists the person's grants across workspaces with the app and workspace, and only theirs", async () => {
    const first = await serverOfNewOwner("mine");
    const second = await serverOfNewOwner("theirs");
    const me = first.user.id;
    await grant({ workspaceId: first.workspace.id, appId: first.app.id, userId: me, clientName: "Claude" });
    await grant({ workspaceId: second.workspace.id, appId: second.app.id, userId: second.user.id, clientName: "ChatGPT" });
    const mine = await callerAs(me).account.listMyGrants();
    expect(mine).toEqual([
      expect.objectContaining({ clientName: "Claude", serverName: first.app.name, workspaceId: first.workspace.id, workspaceName: first.workspace.name }),
    ]);
  });

  it("a person revokes their own grant, with its tokens, but never someone else's", async () => {
    const { workspace, app, user } = await serverOfNewOwner("mine");
    const ada = await addMember(workspace.id, "member");
    const adas = await grant({ workspaceId: workspace.id, appId: app.id, userId: ada.id });
    const mine = await grant({ workspaceId: workspace.id, appId: app.id, userId: user.id });
    await expect(callerAs(user.id).account.revokeMyGrant({ grantId: adas.grantId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await remaining(adas.grantId, adas.records)).toEqual({ grants: 1, records: 3 });
    await callerAs(user.id).account.revokeMyGrant({ grantId: mine.grantId });
    expect(await remaining(mine.grantId, mine.records)).toEqual({ grants: 0, records: 0 });
    expect(await callerAs(ada.id).account.listMyGrants()).toHaveLength(1);
  });
});

describe("a grant made through the consent page", () => {
  it("shows on the tab and in the person's account; revoked from the tab, its access and refresh tokens stop working", async () => {
    const { owner, app, user } = await serverOfNewOwner("real");
    await owner.publishedServers.setAccess({ appId: app.id, mode: "sign_in", restricted: true, people: [user.id] });
    const { url } = await owner.publishedServers.get({ appId: app.id });
    const resource = resourceUrl(url!.split("/").at(-2)!);
    const { accessToken, refreshToken, clientId } = await issueTokens({ userId: user.id, resource });
    expect(await verifyAccessToken({ token: accessToken, resource })).toMatchObject({ userId: user.id });

    const [listed] = await owner.publishedServers.listGrants({ appId: app.id });
    expect(listed).toMatchObject({ clientId, clientName: "Test client", userId: user.id, redirectHost: "127.0.0.1:8976" });
    expect((await callerAs(user.id).account.listMyGrants()).map((g) => g.grantId)).toEqual([listed!.grantId]);

    await owner.publishedServers.revokeGrant({ appId: app.id, grantId: listed!.grantId });
    expect(await verifyAccessToken({ token: accessToken, resource })).toBeNull();
    const refreshed = await oauthRequest("/oauth/token", { method: "POST", form: { grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId, resource } });
    expect(refreshed.status).toBe(400);
    expect(await refreshed.json()).toMatchObject({ error: "invalid_grant" });
    expect(await callerAs(user.id).account.listMyGrants()).toEqual([]);
  });
});

// The workspace MCP server in "Switchyard sign-in" mode, with real tokens from our authorization server: the consent
// page names it, a member's client lists and calls its apps' tools, its tokens and an app server's never open each
// other (RFC 8707 audience), a non-member is refused at consent and at the endpoint, its RFC 9728 metadata answers,
// and its grants are listed and revoked on their own (not with an app's).
import { describe, expect, it } from "vitest";
import { answerConsent, loadConsent } from "@/server/authorization-server/consent";
import { protectedResourceMetadataUrl } from "@/server/authorization-server/resource";
import { verifyAccessToken } from "@/server/authorization-server/verify-access-token";
import { getDb } from "@/server/db";
import { publishedServerPeople } from "@/server/db/schema";
import { deleteMembership } from "@/server/db/queries/workspaces";
import { setAccessMode } from "../support/access-mode";
import { authorizationServerFetch } from "../support/authorization-server-http";
import { useEndpointHarness } from "../support/endpoint-harness";
import { addMember, callerAs, createOwner } from "../support/fixtures";
import { issueTokens, oauthRequest, pkcePair, registerClient, resumeToClient, startAuthorization } from "../support/oauth-server-flow";
import { createPublishedApp } from "../support/published-app";
import { postPing } from "../support/post-message";
import { setWorkspaceServerMode, signInWorkspaceServer } from "../support/sign-in-workspace-server";

const h = useEndpointHarness();
const redirectUri = "http://127.0.0.1:8976/callback";

/** A workspace with one published app (its own server in sign-in mode too) and its workspace server in sign-in mode. */
async function signInWorkspace(options: { signInRestricted?: boolean } = {}) {
  const published = await createPublishedApp(h.endpoint, h.llm);
  await setAccessMode({ workspaceId: published.workspace.id, appId: published.app.id }, "sign_in");
  const appCode = new URL(published.url).pathname.split("/")[3]!;
  const server = await signInWorkspaceServer(published.workspace.id, options);
  return { ...published, appResource: `http://localhost:3000/mcp/server/${appCode}/mcp`, ws: { ...server, url: h.endpoint.localUrl(server.url) } };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("signing in to the workspace server", () => {
  it("the consent page names the workspace server and all its apps' tools", async () => {
    const { workspace, ws } = await signInWorkspace();
    const ada = await addMember(workspace.id, "member");
    const { client_id } = await registerClient({ client_name: "Ada's Claude" });
    const { jar, uid } = await startAuthorization({ clientId: client_id, redirectUri, resource: ws.resource, challenge: pkcePair().challenge });
    expect(await loadConsent({ uid: uid!, cookie: jar.header(), userId: ada.id })).toMatchObject({
      kind: "ask",
      client: { name: "Ada's Claude" },
      server: { kind: "workspace", name: `${workspace.name} MCP server`, workspaceName: workspace.name },
    });
  });

  it("a member's client lists and calls the apps' tools; the grant is the workspace server's, listed there and in the account", async () => {
    const { workspace, caller, app, ws } = await signInWorkspace();
    const ada = await addMember(workspace.id, "member");
    const { accessToken, clientId } = await issueTokens({ userId: ada.id, resource: ws.resource });
    const client = await h.connect(ws.url, { headers: bearer(accessToken) });
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(["weather_helper"]);
    h.llm.script([{ text: "Sunny." }]);
    expect((await client.callTool({ name: "weather_helper", arguments: { query: "Weather?" } })).structuredContent).toMatchObject({ answer: "Sunny." });

    expect(await caller.workspaceServer.listGrants()).toEqual([expect.objectContaining({ appId: null, clientId, userId: ada.id, clientName: "Test client" })]);
    expect(await caller.publishedServers.listGrants({ appId: app.id })).toEqual([]);
    expect(await callerAs(ada.id).account.listMyGrants()).toEqual([
      expect.objectContaining({ appId: null, serverName: `${workspace.name} MCP server`, workspaceName: workspace.name, clientId }),
    ]);
    // Consent is remembered for the workspace server as for an app's: the same client is not asked again.
    const { jar, uid } = await startAuthorization({ clientId, redirectUri, resource: ws.resource, challenge: pkcePair().challenge });
    expect((await loadConsent({ uid: uid!, cookie: jar.header(), userId: ada.id })).kind).toBe("done");
  });

  it("its token does not open the app's own server, and the app server's token does not open it", async () => {
    const { workspace, url: appUrl, appResource, ws } = await signInWorkspace();
    const ada = await addMember(workspace.id, "member");
    const forWorkspace = await issueTokens({ userId: ada.id, resource: ws.resource });
    const forApp = await issueTokens({ userId: ada.id, resource: appResource });
    expect((await postPing(ws.url, bearer(forWorkspace.accessToken))).status).toBe(200);
    expect((await postPing(appUrl, bearer(forApp.accessToken))).status).toBe(200);

    const crossed = [await postPing(appUrl, bearer(forWorkspace.accessToken)), await postPing(ws.url, bearer(forApp.accessToken))];
    expect(crossed.map((r) => r.status)).toEqual([401, 401]);
    expect(crossed[1]!.headers.get("www-authenticate")).toContain(`resource_metadata="${protectedResourceMetadataUrl(ws.code)}"`);
    expect(await verifyAccessToken({ token: forWorkspace.accessToken, resource: appResource })).toBeNull();
  });

  it("answers its RFC 9728 metadata in sign-in mode only", async () => {
    const { workspace, ws } = await signInWorkspace();
    const get = () => authorizationServerFetch(new Request(protectedResourceMetadataUrl(ws.code)));
    const answer = await get();
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ resource: ws.resource, authorization_servers: ["http://localhost:3000"], scopes_supported: ["mcp"] });
    await setWorkspaceServerMode(workspace.id, "url");
    expect((await get()).status).toBe(404);
  });

  it("a server not in sign-in mode, or off, gets no token, and the refusal says who to ask", async () => {
    const { workspace, caller, ws } = await signInWorkspace();
    const { client_id } = await registerClient();
    const start = () => startAuthorization({ clientId: client_id, redirectUri, resource: ws.resource, challenge: pkcePair().challenge });
    await setWorkspaceServerMode(workspace.id, "api_key");
    expect(new URL((await start()).location).searchParams.get("error_description")).toMatch(/needs an API key/);
    await caller.workspaceServer.disable();
    expect(new URL((await start()).location).searchParams.get("error_description")).toBe("This MCP server is turned off: ask an admin of the workspace to turn it on.");
  });
});

describe("who may use it", () => {
  it("a person outside the workspace is refused on the consent page, and approving is not possible", async () => {
    const { ws } = await signInWorkspace();
    const { user: outsider } = await createOwner("outsider");
    const { client_id } = await registerClient();
    const { jar, uid } = await startAuthorization({ clientId: client_id, redirectUri, resource: ws.resource, challenge: pkcePair().challenge });
    expect(await loadConsent({ uid: uid!, cookie: jar.header(), userId: outsider.id })).toMatchObject({ kind: "refused", reason: "not_member", server: { kind: "workspace" } });
    const back = await resumeToClient(jar, (await answerConsent({ uid: uid!, cookie: jar.header(), userId: outsider.id, approve: true }))!);
    expect(back.searchParams.get("error")).toBe("access_denied");
    expect(back.searchParams.get("code")).toBeNull();
  });

  it("a member removed from the workspace is refused at the endpoint at the next call", async () => {
    const { workspace, ws } = await signInWorkspace();
    const ada = await addMember(workspace.id, "member");
    const { accessToken } = await issueTokens({ userId: ada.id, resource: ws.resource });
    expect((await postPing(ws.url, bearer(accessToken))).status).toBe(200);
    await deleteMembership(await getDb(), { workspaceId: workspace.id, userId: ada.id });
    const refused = await postPing(ws.url, bearer(accessToken));
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toMatch(/^Forbidden: you are not a member of the workspace/);
  });

  it("restricted to chosen people, a member chosen for the workspace server is asked, one chosen only for an app is refused", async () => {
    const { workspace, app, ws } = await signInWorkspace({ signInRestricted: true });
    const ada = await addMember(workspace.id, "member");
    const bob = await addMember(workspace.id, "member");
    await (await getDb()).insert(publishedServerPeople).values([
      { workspaceId: workspace.id, appId: null, userId: ada.id },
      { workspaceId: workspace.id, appId: app.id, userId: bob.id },
    ]);
    const { client_id } = await registerClient();
    const consentOf = async (userId: string) => {
      const { jar, uid } = await startAuthorization({ clientId: client_id, redirectUri, resource: ws.resource, challenge: pkcePair().challenge });
      return loadConsent({ uid: uid!, cookie: jar.header(), userId });
    };
    expect((await consentOf(ada.id)).kind).toBe("ask");
    expect(await consentOf(bob.id)).toMatchObject({ kind: "refused", reason: "not_chosen", server: { kind: "workspace" } });
  });
});

describe("revoking a client of the workspace server", () => {
  it("an editor revokes it from the workspace server's list, and the next call and refresh are refused", async () => {
    const { workspace, ws } = await signInWorkspace();
    const ada = await addMember(workspace.id, "member");
    const editor = callerAs((await addMember(workspace.id, "editor")).id, workspace.id);
    const { accessToken, refreshToken, clientId } = await issueTokens({ userId: ada.id, resource: ws.resource });
    const client = await h.connect(ws.url, { headers: bearer(accessToken) });
    await client.listTools();

    const [grant] = await editor.workspaceServer.listGrants();
    await editor.workspaceServer.revokeGrant({ grantId: grant!.grantId });
    await expect(client.listTools()).rejects.toMatchObject({ code: 401 });
    const refreshed = await oauthRequest("/oauth/token", { method: "POST", form: { grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId, resource: ws.resource } });
    expect(refreshed.status).toBe(400);
    expect(await editor.workspaceServer.listGrants()).toEqual([]);
    await expect(editor.workspaceServer.revokeGrant({ grantId: grant!.grantId })).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringMatching(/already revoked/) });
  });

  it("is not revoked through an app's server or from another workspace", async () => {
    const { workspace, caller, app, ws } = await signInWorkspace();
    const ada = await addMember(workspace.id, "member");
    const { accessToken } = await issueTokens({ userId: ada.id, resource: ws.resource });
    const [grant] = await caller.workspaceServer.listGrants();
    await expect(caller.publishedServers.revokeGrant({ appId: app.id, grantId: grant!.grantId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const other = await createOwner("other");
    await expect(callerAs(other.user.id, other.workspace.id).workspaceServer.revokeGrant({ grantId: grant!.grantId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await postPing(ws.url, bearer(accessToken))).status).toBe(200);
  });
});

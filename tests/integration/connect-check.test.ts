import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { runConnectCheck, type ConnectSources } from "@/server/authorization-server/connect-check";
import type { ConnectCheck } from "@/server/authorization-server/connect-check-rules";
import { getDb } from "@/server/db";
import { publishedServers } from "@/server/db/schema";
import { addMember, callerAs, createOwner } from "../support/fixtures";
import { signInWorkspaceServer } from "../support/sign-in-workspace-server";

/** A published app whose MCP server is on, as the console makes it (the model is never called). */
async function enabledServer(toolName = "weather_helper") {
  const { user, workspace } = await createOwner("checker");
  const caller = callerAs(user.id, workspace.id);
  const provider = await caller.modelProviders.create({ kind: "openai_compatible", name: "P", baseUrl: "http://127.0.0.1:9/v1" });
  const app = await caller.apps.create({ type: "chat", name: "Weather" });
  await caller.apps.updateDraft({ id: app.id, draft: { model: { providerId: provider.id, model: "m" } } });
  await caller.apps.publish({ id: app.id });
  await caller.publishedServers.enable({ appId: app.id, toolName, toolDescription: "Answers weather questions." });
  return { user, workspace, caller, app };
}

async function setMode(appId: string, accessMode: "url" | "api_key" | "sign_in") {
  await (await getDb()).update(publishedServers).set({ accessMode }).where(eq(publishedServers.appId, appId));
}

const byId = (checks: ConnectCheck[]) => Object.fromEntries(checks.map((c) => [c.id, c])) as Record<string, ConnectCheck>;

describe("publishedServers.checkConnect", () => {
  it("with the test APP_URL (localhost) the APP_URL check fails with the fix, and the rest of URL mode passes", async () => {
    const { caller, app } = await enabledServer();
    const checks = byId(await caller.publishedServers.checkConnect({ appId: app.id }));
    expect(checks.app_url).toMatchObject({ status: "fail", message: expect.stringContaining("cannot reach localhost"), fix: expect.stringContaining("Set APP_URL to a public https address") });
    expect(checks.access_mode).toMatchObject({ status: "pass", fix: expect.stringContaining("Anyone who has the URL") });
    expect(checks.resource_metadata!.status).toBe("skip");
    expect(checks.authorization_server_metadata!.status).toBe("skip");
    expect(checks.registration!.status).toBe("skip");
    // The endpoint itself refuses other origins (DNS rebinding protection); hosted clients are not browsers.
    expect(checks.cors).toMatchObject({ status: "pass", fix: expect.stringContaining("DNS rebinding") });
    expect(checks.tool_name!.status).toBe("pass");
  });

  it("API key mode fails the access check", async () => {
    const { caller, app } = await enabledServer();
    await caller.publishedServers.setAccess({ appId: app.id, mode: "api_key" });
    const checks = byId(await caller.publishedServers.checkConnect({ appId: app.id }));
    expect(checks.access_mode).toMatchObject({ status: "fail", fix: expect.stringContaining("Switchyard sign-in") });
  });

  it("a server that is off gets one failed check saying to turn it on", async () => {
    const { caller, app } = await enabledServer();
    await caller.publishedServers.disable({ appId: app.id });
    expect(await caller.publishedServers.checkConnect({ appId: app.id })).toEqual([expect.objectContaining({ id: "enabled", status: "fail", fix: expect.stringContaining("Turn the server on") })]);
  });

  it("sign-in mode checks both documents it is given and the registration", async () => {
    const { workspace, app } = await enabledServer();
    await setMode(app.id, "sign_in");
    const issuer = "https://sy.example.com";
    const star = new Headers({ "access-control-allow-origin": "*" });
    const seen: string[] = [];
    const sources: ConnectSources = {
      appUrl: issuer,
      resolve: async () => ["93.184.215.14"],
      authorizationServerMetadata: async () => ({
        document: {
          issuer,
          authorization_endpoint: `${issuer}/oauth/authorize`,
          token_endpoint: `${issuer}/oauth/token`,
          registration_endpoint: `${issuer}/oauth/register`,
          code_challenge_methods_supported: ["S256"],
          token_endpoint_auth_methods_supported: ["none"],
          authorization_response_iss_parameter_supported: true,
          client_id_metadata_document_supported: false,
        },
        headers: star,
      }),
      protectedResourceMetadata: async (code) => {
        seen.push(code);
        return { document: { resource: `${issuer}/mcp/server/${code}/mcp`, authorization_servers: [issuer] }, headers: new Headers() };
      },
      preflight: async () => ({ status: 403, headers: new Headers() }),
    };
    const checks = byId(await runConnectCheck({ workspaceId: workspace.id, appId: app.id }, sources));
    expect(seen).toHaveLength(1);
    expect(checks.app_url!.status).toBe("pass");
    expect(checks.access_mode!.status).toBe("pass");
    expect(checks.resource_metadata!.status).toBe("pass");
    expect(checks.authorization_server_metadata).toMatchObject({ status: "fail", message: expect.stringContaining("client_id_metadata_document_supported") });
    expect(checks.registration!.status).toBe("pass");
    expect(checks.cors).toMatchObject({ status: "fail", message: expect.stringContaining("protected resource metadata") });
  });

  it("a member cannot run it, and another workspace's app is not found", async () => {
    const { workspace, app } = await enabledServer();
    const member = await addMember(workspace.id, "member");
    await expect(callerAs(member.id, workspace.id).publishedServers.checkConnect({ appId: app.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await createOwner("other");
    await expect(callerAs(other.user.id, other.workspace.id).publishedServers.checkConnect({ appId: app.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("publishedServers.checkConnect with the authorization server", () => {
  it("in sign-in mode both real metadata documents, the registration and their CORS headers pass", async () => {
    const { caller, app } = await enabledServer();
    // Through the procedure, so the endpoint cache every instance reads sees the new mode (as the RFC 9728 route does).
    await caller.publishedServers.setAccess({ appId: app.id, mode: "sign_in" });
    const checks = byId(await caller.publishedServers.checkConnect({ appId: app.id }));
    expect(checks.resource_metadata).toMatchObject({ status: "pass" });
    expect(checks.authorization_server_metadata).toMatchObject({ status: "pass" });
    expect(checks.registration).toMatchObject({ status: "pass", message: expect.stringContaining("/oauth/register") });
    expect(checks.cors).toMatchObject({ status: "pass", message: expect.stringContaining("metadata documents are readable from any origin") });
    // The test APP_URL is localhost: that one still fails.
    expect(checks.app_url!.status).toBe("fail");
  });

  it("after switching back to the URL, the documents are no longer checked", async () => {
    const { caller, app } = await enabledServer();
    await caller.publishedServers.setAccess({ appId: app.id, mode: "sign_in" });
    expect(byId(await caller.publishedServers.checkConnect({ appId: app.id })).resource_metadata!.status).toBe("pass");
    await caller.publishedServers.setAccess({ appId: app.id, mode: "url" });
    expect(byId(await caller.publishedServers.checkConnect({ appId: app.id })).resource_metadata!.status).toBe("skip");
  });
});

describe("workspaceServer.checkConnect", () => {
  it("checks the workspace server's own documents in sign-in mode, and every tool name it offers", async () => {
    const { workspace, caller } = await enabledServer();
    await signInWorkspaceServer(workspace.id);
    const checks = byId(await caller.workspaceServer.checkConnect());
    expect(checks.access_mode!.status).toBe("pass");
    // The real documents, built in-process: the resource is the workspace server's URL.
    expect(checks.resource_metadata).toMatchObject({ status: "pass", message: expect.stringContaining("http://localhost:3000") });
    expect(checks.authorization_server_metadata!.status).toBe("pass");
    expect(checks.tool_name).toMatchObject({ status: "pass", message: expect.stringContaining("weather_helper") });
  });

  it("with no app offered, the tool check fails with what to do; turned off, one failed check", async () => {
    const { workspace, caller, app } = await enabledServer();
    await signInWorkspaceServer(workspace.id);
    await caller.workspaceServer.setIncluded({ appId: app.id, included: false });
    expect(byId(await caller.workspaceServer.checkConnect()).tool_name).toMatchObject({ status: "fail", fix: expect.stringContaining("switch one on") });
    await caller.workspaceServer.disable();
    expect(await caller.workspaceServer.checkConnect()).toEqual([expect.objectContaining({ id: "enabled", status: "fail" })]);
  });

  it("a workspace that never turned its server on gets the failed check, and a member cannot run it", async () => {
    const { workspace, caller } = await enabledServer();
    expect(await caller.workspaceServer.checkConnect()).toEqual([expect.objectContaining({ id: "enabled", status: "fail" })]);
    const member = await addMember(workspace.id, "member");
    await expect(callerAs(member.id, workspace.id).workspaceServer.checkConnect()).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

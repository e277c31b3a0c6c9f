// A published server in "Switchyard sign-in" mode at its endpoint, with real tokens from our authorization server
// (tests/support/oauth-server-flow.ts): a member's client gets in and every log row names the person and the
// client; a wrong, foreign or revoked token is a 401 naming the metadata; a person who is no longer a member, or
// not among the chosen people, is a 403 at their next call.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { CreateTaskResultSchema } from "@modelcontextprotocol/sdk/types.js";
import { describe, expect, it } from "vitest";
import { resourceUrl } from "@/server/authorization-server/resource";
import { revokeGrant } from "@/server/authorization-server/revoke-grant";
import { verifyAccessToken } from "@/server/authorization-server/verify-access-token";
import { getDb } from "@/server/db";
import { deleteMembership } from "@/server/db/queries/workspaces";
import { setAccessMode } from "../support/access-mode";
import { useEndpointHarness } from "../support/endpoint-harness";
import { addMember } from "../support/fixtures";
import { issueTokens } from "../support/oauth-server-flow";
import { createPublishedApp } from "../support/published-app";

const h = useEndpointHarness();

async function signInServer() {
  const published = await createPublishedApp(h.endpoint, h.llm);
  await setAccessMode({ workspaceId: published.workspace.id, appId: published.app.id }, "sign_in");
  const code = new URL(published.url).pathname.split("/")[3]!;
  return { ...published, code, resource: resourceUrl(code) };
}

function post(url: string, token: string | null, body: object = { jsonrpc: "2.0", id: 1, method: "ping" }) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

const challengeFor = (code: string, error = false) =>
  `Bearer resource_metadata="http://localhost:3000/.well-known/oauth-protected-resource/mcp/server/${code}/mcp", scope="mcp"${error ? ', error="invalid_token"' : ""}`;

describe("a member with a token", () => {
  it("lists and calls the tool, and every log row names the person and the OAuth client", async () => {
    const { url, caller, app, workspace, resource } = await signInServer();
    const ada = await addMember(workspace.id, "member");
    const { accessToken, clientId } = await issueTokens({ userId: ada.id, resource });
    const client = await h.connect(url, { headers: { authorization: `Bearer ${accessToken}` }, name: "ada-desktop" });
    expect((await client.listTools()).tools.map((t) => t.name)).toEqual(["weather_helper"]);
    h.llm.script([{ text: "Sunny." }]);
    expect((await client.callTool({ name: "weather_helper", arguments: { query: "Weather?" } })).structuredContent).toMatchObject({ answer: "Sunny." });

    const logs = await h.callLogs(caller, app.id);
    expect(logs.map((l) => l.method)).toEqual(["tools/call", "tools/list", "initialize"]);
    for (const log of logs) {
      expect(log).toMatchObject({ outcome: "ok", clientName: "ada-desktop", callerUserId: ada.id, callerEmail: ada.email, oauthClientId: clientId, oauthClientName: "Test client" });
    }
  });

  it("a call run as a task is logged with the person and client too, and the task is found again with a refreshed token", async () => {
    const { url, caller, app, workspace, resource } = await signInServer();
    const ada = await addMember(workspace.id, "member");
    const first = await issueTokens({ userId: ada.id, resource });
    const client = await h.connect(url, { headers: { authorization: `Bearer ${first.accessToken}` } });
    h.llm.script([{ text: "As a task." }]);
    const { task } = await client.request({ method: "tools/call", params: { name: "weather_helper", arguments: { query: "Weather?" }, task: {} } }, CreateTaskResultSchema);
    await expect.poll(async () => (await client.experimental.tasks.getTask(task.taskId)).status, { timeout: 15_000 }).toBe("completed");
    const calls = (await h.callLogs(caller, app.id)).filter((l) => l.method === "tools/call");
    expect(calls).toEqual([expect.objectContaining({ outcome: "ok", callerUserId: ada.id, oauthClientId: first.clientId, oauthClientName: "Test client" })]);

    // Bound to the grant, not to one short-lived token: the same client (its session) with its next token still
    // finds its task; another person's client does not.
    const again = await issueTokens({ userId: ada.id, resource, clientId: first.clientId });
    expect(again.accessToken).not.toBe(first.accessToken);
    const sessionId = (client.transport as StreamableHTTPClientTransport).sessionId!;
    const getTask = (token: string) =>
      fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25", "mcp-session-id": sessionId, authorization: `Bearer ${token}` },
        body: JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tasks/get", params: { taskId: task.taskId } }),
      }).then((r) => r.json());
    expect((await getTask(again.accessToken)).result).toMatchObject({ taskId: task.taskId, status: "completed" });
    const bob = await addMember(workspace.id, "member");
    const bobs = await issueTokens({ userId: bob.id, resource, clientId: first.clientId });
    expect((await getTask(bobs.accessToken)).error).toBeDefined();
  });
});

describe("tokens that are not good for this server", () => {
  it("no token, a made-up one, one for another server: 401 with the challenge, error only when a token was sent", async () => {
    const { url, code, workspace, resource } = await signInServer();
    const other = await signInServer();
    const ada = await addMember(workspace.id, "member");
    const { accessToken } = await issueTokens({ userId: ada.id, resource });
    await addMember(other.workspace.id, "member");

    const none = await post(url, null);
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBe(challengeFor(code));
    const madeUp = await post(url, "a".repeat(43));
    expect(madeUp.status).toBe(401);
    expect(madeUp.headers.get("www-authenticate")).toBe(challengeFor(code, true));
    expect((await madeUp.json()).error.message).toMatch(/^Unauthorized: this access token is not valid for this server/);
    // Ada's token for her server is refused by another (RFC 8707: no token passthrough).
    const foreign = await post(other.url, accessToken);
    expect(foreign.status).toBe(401);
    expect(foreign.headers.get("www-authenticate")).toBe(challengeFor(other.code, true));
    expect((await post(url, accessToken)).status).toBe(200);
  });

  it("a revoked grant stops at the next call", async () => {
    const { url, workspace, app, resource } = await signInServer();
    const ada = await addMember(workspace.id, "member");
    const { accessToken } = await issueTokens({ userId: ada.id, resource });
    const client: Client = await h.connect(url, { headers: { authorization: `Bearer ${accessToken}` } });
    await client.listTools();
    const caller = await verifyAccessToken({ token: accessToken, resource });
    await revokeGrant({ grantId: caller!.grantId, scope: { workspaceId: workspace.id, appId: app.id } });
    await expect(client.listTools()).rejects.toMatchObject({ code: 401 });
  });
});

describe("who may still call", () => {
  it("a member removed from the workspace is refused with 403 at the next call, and the refusal names them in the log", async () => {
    const { url, caller, app, workspace, resource } = await signInServer();
    const ada = await addMember(workspace.id, "member");
    const { accessToken, clientId } = await issueTokens({ userId: ada.id, resource });
    expect((await post(url, accessToken)).status).toBe(200);
    expect((await post(url, accessToken)).status).toBe(200); // the endpoint's row is cached from here on

    await deleteMembership(await getDb(), { workspaceId: workspace.id, userId: ada.id });
    const refused = await post(url, accessToken);
    expect(refused.status).toBe(403);
    expect(refused.headers.get("www-authenticate")).toBeNull();
    expect((await refused.json()).error).toEqual({
      code: -32001,
      message: "Forbidden: you are not a member of the workspace this server belongs to (any more). Ask its owner to invite you.",
    });
    const [last] = await h.callLogs(caller, app.id);
    expect(last).toMatchObject({ outcome: "refused", callerUserId: ada.id, oauthClientId: clientId, error: expect.stringMatching(/^403 Forbidden: you are not a member/) });
  });

  it("on a server restricted to chosen people, others get 403 and the chosen get in; the list applies at the next call", async () => {
    const { url, workspace, app, resource } = await signInServer();
    const ada = await addMember(workspace.id, "member");
    const bob = await addMember(workspace.id, "admin");
    const adaToken = (await issueTokens({ userId: ada.id, resource })).accessToken;
    const bobToken = (await issueTokens({ userId: bob.id, resource })).accessToken;
    await setAccessMode({ workspaceId: workspace.id, appId: app.id }, "sign_in", { restricted: true, people: [ada.id] });
    expect((await post(url, adaToken)).status).toBe(200);
    const refused = await post(url, bobToken);
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.message).toBe("Forbidden: this server is open only to the people its owner chose. Ask the owner to add you.");
    await setAccessMode({ workspaceId: workspace.id, appId: app.id }, "sign_in", { restricted: true, people: [bob.id] });
    expect((await post(url, bobToken)).status).toBe(200);
    expect((await post(url, adaToken)).status).toBe(403);
  });

  it("switched away from sign-in, a token counts for nothing: URL mode ignores it, API-key mode wants a key", async () => {
    const { url, workspace, app, resource } = await signInServer();
    const ada = await addMember(workspace.id, "member");
    const { accessToken } = await issueTokens({ userId: ada.id, resource });
    await setAccessMode({ workspaceId: workspace.id, appId: app.id }, "api_key");
    expect((await post(url, accessToken)).status).toBe(401);
    await setAccessMode({ workspaceId: workspace.id, appId: app.id }, "url");
    expect((await post(url, null)).status).toBe(200);
  });
});

// The life of an OAuth connection: state that expires, is used twice, or is finished by someone else; refusing an
// authorization server without S256; 20 parallel calls on an expired token from two app instances causing exactly
// one refresh; a dead refresh token (invalid_grant) leading to "needs re-authorization"; the callback route's pages.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { refreshAuthorization } from "@modelcontextprotocol/sdk/client/auth.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/server/db";
import { getMcpServer } from "@/server/db/queries/mcp-servers";
import { callMcpTool } from "@/server/mcp/client/mcp-tools";
import { finishServerAuthorization } from "@/server/mcp/oauth/finish-authorization";
import { saveFlowState, takeFlowState } from "@/server/mcp/oauth/flow-state";
import { oauthRedirectUrl } from "@/server/mcp/oauth/redirect-url";
import { openClientInformation, openStoredTokens } from "@/server/mcp/oauth/server-oauth";
import { openServerConnection } from "@/server/mcp/servers/open-connection";
import { GET as callbackRoute } from "@/app/console/api/mcp/oauth/callback/route";
import { addMember, callerAs, createOwner } from "../support/fixtures";
import { authorizeServer, startOAuthPeers, type OAuthPeers } from "../support/mcp-oauth";
import { approveAuthorization } from "../support/oauth-server";

// The route reads the session through createContext (Auth.js, which needs a Next request); here a test header
// names the signed-in user instead. Everything after that is the real route.
vi.mock("@/server/api/context", () => ({
  createContext: async ({ headers }: { headers: Headers }) => {
    const userId = headers.get("x-test-user");
    return { actor: userId ? { kind: "user", userId } : null, requestedWorkspaceId: null };
  },
}));

let peers: OAuthPeers;
beforeAll(async () => {
  peers = await startOAuthPeers({ path: "/oauth" });
});
afterAll(async () => {
  await peers?.close();
});

async function protectedServer(identifier: string) {
  const { user, workspace } = await createOwner();
  const caller = callerAs(user.id, workspace.id);
  const server = await caller.mcpServers.create({ name: identifier, identifier, url: peers.mcp.url });
  return { user, workspace, caller, server };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("authorization state", () => {
  it("a state is single use: a second callback with it is refused", async () => {
    const { user, caller, server } = await protectedServer("reuse");
    const { callback, outcome } = await authorizeServer(caller, { serverId: server.id, userId: user.id });
    expect(outcome.ok).toBe(true);
    const again = await finishServerAuthorization({ params: callback.searchParams, userId: user.id });
    expect(again).toMatchObject({ ok: false, message: expect.stringMatching(/expired, was already used/) });
  });

  it("another signed-in person cannot finish or use up someone else's authorization; its owner then finishes it once", async () => {
    const { user, workspace, caller, server } = await protectedServer("crossuser");
    const colleague = await addMember(workspace.id, "admin");
    const { authorizationUrl } = await caller.mcpServers.authorize({ id: server.id, display: "popup" });
    const callback = await approveAuthorization(authorizationUrl, { redirectUri: oauthRedirectUrl() });
    const stolen = await finishServerAuthorization({ params: callback.searchParams, userId: colleague.id });
    expect(stolen).toMatchObject({ ok: false, message: expect.stringMatching(/started by another account/) });
    expect(stolen.serverId).toBeUndefined();
    // The owner's own callback still works: the colleague's attempt did not use the state up.
    const owners = await finishServerAuthorization({ params: callback.searchParams, userId: user.id });
    expect(owners.ok).toBe(true);
    expect((await caller.mcpServers.get({ id: server.id })).oauth.authorized).toBe(true);
    const late = await finishServerAuthorization({ params: callback.searchParams, userId: user.id });
    expect(late.ok).toBe(false);
  });

  it("a reply whose iss names another authorization server is refused (RFC 9207)", async () => {
    const { user, caller, server } = await protectedServer("mixup");
    const { authorizationUrl } = await caller.mcpServers.authorize({ id: server.id, display: "popup" });
    const callback = await approveAuthorization(authorizationUrl, { redirectUri: oauthRedirectUrl() });
    expect(callback.searchParams.get("iss")).toBe(peers.as.issuer);
    callback.searchParams.set("iss", "https://attacker.example/oauth");
    const outcome = await finishServerAuthorization({ params: callback.searchParams, userId: user.id });
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/different authorization server/) });
    expect((await caller.mcpServers.get({ id: server.id })).oauth.authorized).toBe(false);
  });

  it("an expired state is refused", async () => {
    const { user, caller, server } = await protectedServer("expired");
    const { authorizationUrl } = await caller.mcpServers.authorize({ id: server.id, display: "popup" });
    const callback = await approveAuthorization(authorizationUrl, { redirectUri: oauthRedirectUrl() });
    // Same flow, stored again with a one-second lifetime: the KV store's own expiry does the rest.
    const state = callback.searchParams.get("state")!;
    await saveFlowState(state, (await takeFlowState(state))!, 1);
    await sleep(1_600);
    const outcome = await finishServerAuthorization({ params: callback.searchParams, userId: user.id });
    expect(outcome).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });
  });
});

describe("authorization servers we refuse", () => {
  it("refuses an authorization server that does not advertise PKCE S256, before registering", async () => {
    const paths: string[] = [];
    const http = createServer((req, res) => {
      const path = new URL(req.url!, "http://x").pathname;
      paths.push(`${req.method} ${path}`);
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
        res.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
      if (path === "/.well-known/oauth-protected-resource/mcp") return json(200, { resource: `${origin}/mcp`, authorization_servers: [origin] });
      if (path === "/.well-known/oauth-authorization-server") {
        return json(200, {
          issuer: origin,
          authorization_endpoint: `${origin}/authorize`,
          token_endpoint: `${origin}/token`,
          registration_endpoint: `${origin}/register`,
          response_types_supported: ["code"],
        });
      }
      if (path === "/mcp") return json(401, { error: "unauthorized" }, { "www-authenticate": `Bearer resource_metadata="${origin}/.well-known/oauth-protected-resource/mcp"` });
      json(404, {});
    });
    await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    try {
      const { user, workspace } = await createOwner();
      const caller = callerAs(user.id, workspace.id);
      const server = await caller.mcpServers.create({ name: "No PKCE", identifier: "nopkce", url: `${origin}/mcp` });
      await expect(caller.mcpServers.authorize({ id: server.id })).rejects.toThrow(/does not advertise PKCE with S256/);
      expect(paths).not.toContain("POST /register");
    } finally {
      http.closeAllConnections();
      http.close();
    }
  });
});

describe("token lifecycle", () => {
  it("20 parallel tool calls on an expired token, from two app instances, cause exactly one refresh", async () => {
    peers.as.setAccessTokenTtl(2);
    const { user, workspace, caller, server } = await protectedServer("parallel");
    try {
      expect((await authorizeServer(caller, { serverId: server.id, userId: user.id })).outcome.ok).toBe(true);
    } finally {
      peers.as.setAccessTokenTtl(300);
    }
    await sleep(2_300);
    const row = (await getMcpServer(await getDb(), { workspaceId: workspace.id, id: server.id }))!;
    const before = peers.as.grants.length;
    // Two instances as far as one process allows: each has its own in-process refresh cache (the default one, and a
    // second map), its own connections and fetch stack; both share PostgreSQL and the KV store (Redis when REDIS_URL
    // is set), which is what holds the lock. The database pool and KV client objects are shared in this process.
    const secondInstance = new Map();
    const results = await Promise.all(
      Array.from({ length: 20 }, async (_, i) => {
        const connection = await openServerConnection(row, { tokenCache: i % 2 ? secondInstance : undefined });
        try {
          return await callMcpTool(connection, "echo", { text: `call ${i}` }, { signal: AbortSignal.timeout(20_000) });
        } finally {
          await connection.close();
        }
      }),
    );
    expect(results.map((r) => r.isError)).toEqual(Array(20).fill(false));
    const refreshes = peers.as.grants.slice(before).filter((g) => g.grantType === "refresh_token");
    expect(refreshes).toEqual([expect.objectContaining({ ok: true, resource: peers.mcp.url })]);
    expect((await caller.mcpServers.get({ id: server.id })).status).toBe("connected");
  });

  it("a refresh token the server no longer accepts (invalid_grant) leads to needs re-authorization, tools kept", async () => {
    peers.as.setAccessTokenTtl(2);
    const { user, workspace, caller, server } = await protectedServer("deadgrant");
    try {
      expect((await authorizeServer(caller, { serverId: server.id, userId: user.id })).outcome.ok).toBe(true);
    } finally {
      peers.as.setAccessTokenTtl(300);
    }
    // Someone else spends our refresh token first (rotation consumes it); our refresh is then a replay.
    const row = (await getMcpServer(await getDb(), { workspaceId: workspace.id, id: server.id }))!;
    const stored = openStoredTokens(row)!;
    await refreshAuthorization(stored.discovery!.authorizationServerUrl, {
      metadata: stored.discovery!.authorizationServerMetadata,
      clientInformation: openClientInformation(row)!,
      refreshToken: stored.tokens.refresh_token!,
      resource: new URL(peers.mcp.url),
    });
    await sleep(2_300);
    await expect(caller.mcpServers.callTool({ id: server.id, name: "echo", arguments: { text: "x" } })).rejects.toThrow(/re-authorization.*invalid_grant/);
    const after = await caller.mcpServers.get({ id: server.id });
    expect(after).toMatchObject({ status: "needs_authorization", statusReason: expect.stringContaining("invalid_grant") });
    expect(after.tools.map((t) => t.name).sort()).toEqual(["add", "echo"]);
    expect(after.oauth.authorized).toBe(false);
    // Reconnect brings it back.
    expect((await authorizeServer(caller, { serverId: server.id, userId: user.id })).outcome.ok).toBe(true);
    expect((await caller.mcpServers.get({ id: server.id })).status).toBe("connected");
  });

  it("disconnect revokes and forgets the tokens", async () => {
    const { user, caller, server } = await protectedServer("disconnect");
    await authorizeServer(caller, { serverId: server.id, userId: user.id });
    const { revoked, server: after } = await caller.mcpServers.disconnect({ id: server.id });
    expect(revoked).toBe(true);
    expect(after).toMatchObject({ status: "needs_authorization", oauth: { authorized: false } });
    await expect(caller.mcpServers.callTool({ id: server.id, name: "echo", arguments: { text: "x" } })).rejects.toThrow(/needs authorization/);
  });
});

describe("the callback route", () => {
  const get = (url: URL, userId?: string) => callbackRoute(new Request(url, { headers: userId ? { "x-test-user": userId } : {} }));

  it("in a popup, tells the console and closes; in a full page, returns to the server's sheet", async () => {
    const { user, caller, server } = await protectedServer("route");
    const popup = await approveAuthorization((await caller.mcpServers.authorize({ id: server.id, display: "popup" })).authorizationUrl, { redirectUri: oauthRedirectUrl() });
    const page = await get(popup, user.id);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("switchyard-mcp-oauth");
    expect(html).toContain("window.close()");
    expect(html).toContain(`${server.name} is connected.`);

    const full = await approveAuthorization((await caller.mcpServers.authorize({ id: server.id, display: "page" })).authorizationUrl, { redirectUri: oauthRedirectUrl() });
    const redirect = await get(full, user.id);
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get("location")).toMatch(new RegExp(`/tools\\?oauth=connected&.*server=${server.id}`));
  });

  it("never answers with a blank page: no state, or nobody signed in", async () => {
    const empty = await get(new URL(oauthRedirectUrl()));
    expect(await empty.text()).toMatch(/has no state/);
    const { caller, server } = await protectedServer("signedout");
    const callback = await approveAuthorization((await caller.mcpServers.authorize({ id: server.id })).authorizationUrl, { redirectUri: oauthRedirectUrl() });
    const response = await get(callback);
    expect(await response.text()).toMatch(/Sign in as the person who started it/);
  });

  it("a callback with another user's state is refused without the server's id, and its owner then finishes it", async () => {
    const { user, workspace, caller, server } = await protectedServer("stranger");
    const stranger = await createOwner("stranger");
    const colleague = await addMember(workspace.id, "editor");
    const full = await approveAuthorization((await caller.mcpServers.authorize({ id: server.id, display: "page" })).authorizationUrl, { redirectUri: oauthRedirectUrl() });
    for (const other of [stranger.user.id, colleague.id, undefined]) {
      const refused = await get(full, other);
      expect(refused.status).toBe(400);
      const headers = JSON.stringify([...refused.headers]);
      expect(headers).not.toContain(server.id);
      expect(refused.headers.get("location")).toBeNull();
      const body = await refused.text();
      expect(body).not.toContain(server.id);
      expect(body).toMatch(/started by another account/);
    }
    const finished = await get(full, user.id);
    expect(finished.status).toBe(303);
    expect(finished.headers.get("location")).toMatch(new RegExp(`/tools\\?oauth=connected&reason=connected&server=${server.id}$`));
  });

  it("the way back to the console carries a code, never the authorization server's text", async () => {
    const { user, caller, server } = await protectedServer("denied");
    const { authorizationUrl } = await caller.mcpServers.authorize({ id: server.id, display: "page" });
    const state = new URL(authorizationUrl).searchParams.get("state")!;
    const callback = new URL(oauthRedirectUrl());
    callback.search = new URLSearchParams({ state, error: "access_denied", error_description: "Call +1-555-0100 to unlock your account" }).toString();
    const response = await get(callback, user.id);
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get("location")!);
    expect(Object.fromEntries(location.searchParams)).toEqual({ oauth: "error", reason: "access_denied", server: server.id });
    const saved = await caller.mcpServers.get({ id: server.id });
    expect(saved.statusReason).toMatch(/answered access_denied: the sign-in was declined/);
    expect(saved.statusReason).not.toContain("555");
  });
});

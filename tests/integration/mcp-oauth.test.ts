// OAuth 2.1 for external MCP servers against a real authorization server (oidc-provider) and an MCP server that
// checks each token's audience: the full flow through the callback, with dynamic registration and with a client
// registered by hand, discovery order, the rules the SDK leaves to us, and what never leaks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { getMcpServer } from "@/server/db/queries/mcp-servers";
import { openClientInformation, openStoredTokens } from "@/server/mcp/oauth/server-oauth";
import { oauthRedirectUrl } from "@/server/mcp/oauth/redirect-url";
import { dumpDatabase } from "../support/dump-database";
import { callerAs, createOwner } from "../support/fixtures";
import { authorizeServer, startOAuthPeers, type OAuthPeers } from "../support/mcp-oauth";

const apiKey = "hdr-oauth-compose-5150";
let peers: OAuthPeers;
let custom: OAuthPeers;
const customClient = { clientId: "switchyard-custom", clientSecret: "custom-secret-9f8e7d6c5b4a" };

beforeAll(async () => {
  peers = await startOAuthPeers({ requiredHeaders: { "x-api-key": apiKey } });
  custom = await startOAuthPeers({ path: "/realms/acme", preRegistered: { ...customClient, redirectUris: [oauthRedirectUrl()] } });
});
afterAll(async () => {
  await Promise.all([peers?.close(), custom?.close()]);
});

async function owner() {
  const { user, workspace } = await createOwner();
  return { user, workspace, caller: callerAs(user.id, workspace.id) };
}

describe("authorizing an external MCP server", () => {
  it("a server that answers 401 needs authorization; with dynamic registration the callback connects it and lists its tools", async () => {
    const { user, caller } = await owner();
    const server = await caller.mcpServers.create({
      name: "Protected",
      identifier: "protected",
      url: peers.mcp.url,
      headers: [{ name: "X-Api-Key", value: apiKey }],
    });
    // An expected state is an answer, not an HTTP error (the console shows Authorize, and its browser console stays clean).
    expect(await caller.mcpServers.previewTools({ id: server.id })).toMatchObject({ status: "needs_authorization", message: expect.stringMatching(/needs authorization/) });
    expect((await caller.mcpServers.get({ id: server.id })).status).toBe("needs_authorization");

    const registrations = peers.as.registrations;
    const { authorizationUrl, callback, outcome } = await authorizeServer(caller, { serverId: server.id, userId: user.id });
    expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizationUrl.searchParams.get("resource")).toBe(peers.mcp.url);
    expect(authorizationUrl.searchParams.get("scope")).toBe("mcp:tools");
    expect(callback.searchParams.get("iss")).toBe(peers.as.issuer);
    expect(outcome).toMatchObject({ ok: true, serverId: server.id, display: "popup" });
    expect(peers.as.registrations).toBe(registrations + 1);

    const connected = await caller.mcpServers.get({ id: server.id });
    expect(connected.status).toBe("connected");
    expect(connected.tools.map((t) => t.name).sort()).toEqual(["add", "echo"]);
    expect(connected.oauth).toMatchObject({ authorized: true, issuer: peers.as.issuer, renewable: true });
    expect(new Date(connected.oauth.tokenExpiresAt!).getTime()).toBeGreaterThan(Date.now());

    // The custom header and the bearer token both reach the server, on list and call alike.
    const echo = await caller.mcpServers.callTool({ id: server.id, name: "echo", arguments: { text: "through oauth" } });
    expect(JSON.stringify(echo.result.content)).toContain("through oauth");
  });

  it("sends `resource` in both the authorization and the token request", async () => {
    const { user, caller } = await owner();
    const server = await caller.mcpServers.create({ name: "Resource", identifier: "resource", url: peers.mcp.url, headers: [{ name: "X-Api-Key", value: apiKey }] });
    const before = { authorizations: peers.as.authorizations.length, grants: peers.as.grants.length };
    await authorizeServer(caller, { serverId: server.id, userId: user.id });
    const authorization = peers.as.authorizations.slice(before.authorizations);
    const grants = peers.as.grants.slice(before.grants).filter((g) => g.grantType === "authorization_code");
    expect(authorization).toEqual([expect.objectContaining({ resource: peers.mcp.url, codeChallengeMethod: "S256" })]);
    expect(grants).toEqual([expect.objectContaining({ ok: true, resource: peers.mcp.url })]);
  });

  it("uses a client registered by hand without registering another, at an issuer with a path, in the spec's discovery order", async () => {
    const { user, caller } = await owner();
    const server = await caller.mcpServers.create({
      name: "Custom client",
      identifier: "custom",
      url: custom.mcp.url,
      authMode: "oauth_custom",
      oauthClientId: customClient.clientId,
      oauthClientSecret: customClient.clientSecret,
    });
    expect(server.oauth.clientSecret).not.toContain(customClient.clientSecret);
    expect(server.oauth.redirectUrl).toBe(`${process.env.APP_URL}/console/api/mcp/oauth/callback`);
    const seen = custom.as.paths.length;
    const { outcome, authorizationUrl } = await authorizeServer(caller, { serverId: server.id, userId: user.id });
    expect(outcome.ok).toBe(true);
    expect(authorizationUrl.searchParams.get("client_id")).toBe(customClient.clientId);
    expect(custom.as.registrations).toBe(0);
    const discovery = custom.as.paths.slice(seen).filter((p) => p.includes(".well-known"));
    expect(discovery.slice(0, 3)).toEqual([
      "/.well-known/oauth-authorization-server/realms/acme",
      "/.well-known/openid-configuration/realms/acme",
      "/realms/acme/.well-known/openid-configuration",
    ]);
    const row = (await getMcpServer(await getDb(), { workspaceId: server.id && (await caller.workspaces.current()).id, id: server.id }))!;
    expect(row.oauthIssuer).toBe(custom.as.issuer);
    const called = await caller.mcpServers.callTool({ id: server.id, name: "add", arguments: { a: 2, b: 3 } });
    expect(JSON.stringify(called.result.content)).toContain("5");
  });

  it("shows the authorization server's error code, in our words, when the person denies access, and the server still needs authorization", async () => {
    const { user, caller } = await owner();
    const server = await caller.mcpServers.create({ name: "Denied", identifier: "denied", url: peers.mcp.url, headers: [{ name: "X-Api-Key", value: apiKey }] });
    const { outcome } = await authorizeServer(caller, { serverId: server.id, userId: user.id, deny: true });
    expect(outcome).toMatchObject({ ok: false, serverId: server.id });
    expect(outcome.message).toMatch(/answered access_denied: the sign-in was declined/);
    // The error_description is free text from the URL: never shown.
    expect(outcome.message).not.toMatch(/The person declined access/);
    const after = await caller.mcpServers.get({ id: server.id });
    // Declining is not a fault of the server: it is not marked "Error".
    expect(after).toMatchObject({ status: "needs_authorization", statusReason: expect.stringContaining("access_denied") });
  });

  it("never shows tokens or client secrets in responses, logs or the database", async () => {
    const { user, caller, workspace } = await owner();
    const logged: string[] = [];
    const originals = { log: console.log, warn: console.warn, error: console.error, info: console.info };
    for (const level of ["log", "warn", "error", "info"] as const) console[level] = (...args: unknown[]) => void logged.push(args.map(String).join(" "));
    try {
      const server = await caller.mcpServers.create({ name: "Quiet", identifier: "quiet", url: peers.mcp.url, headers: [{ name: "X-Api-Key", value: apiKey }] });
      await authorizeServer(caller, { serverId: server.id, userId: user.id });
      await caller.mcpServers.callTool({ id: server.id, name: "echo", arguments: { text: "x" } });
      const row = (await getMcpServer(await getDb(), { workspaceId: workspace.id, id: server.id }))!;
      const tokens = openStoredTokens(row)!.tokens;
      const client = openClientInformation(row) as { client_secret?: string };
      const secrets = [tokens.access_token, tokens.refresh_token!, client.client_secret!];
      expect(secrets.every((s) => typeof s === "string" && s.length > 10)).toBe(true);
      const responses = JSON.stringify([await caller.mcpServers.list(), await caller.mcpServers.get({ id: server.id })]);
      const database = await dumpDatabase();
      for (const secret of secrets) {
        expect(responses).not.toContain(secret);
        expect(database).not.toContain(secret);
        expect(logged.join("\n")).not.toContain(secret);
      }
    } finally {
      Object.assign(console, originals);
    }
  });
});

// A token close to its expiry is refreshed before the call, not after a 401: the protected server on 127.0.0.1
// never rejects a request, the authorization server sees one refresh, and the call runs with the new token.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { getDb } from "@/server/db";
import { getMcpServer } from "@/server/db/queries/mcp-servers";
import { mcpServers } from "@/server/db/schema";
import { openStoredTokens, tokenColumns } from "@/server/mcp/oauth/server-oauth";
import { callerAs, createOwner } from "../support/fixtures";
import { authorizeServer, startOAuthPeers, type OAuthPeers } from "../support/mcp-oauth";

let peers: OAuthPeers;
beforeAll(async () => {
  peers = await startOAuthPeers({ path: "/oauth" });
});
afterAll(() => peers?.close());

const lifetimeS = 300;

/** An authorized server whose stored token was obtained `ageS` seconds ago (the authorization server still honours it). */
async function authorizedServer(identifier: string, ageS: number) {
  const { user, workspace } = await createOwner("refresh");
  const caller = callerAs(user.id, workspace.id);
  const server = await caller.mcpServers.create({ name: identifier, identifier, url: peers.mcp.url });
  peers.as.setAccessTokenTtl(lifetimeS);
  expect((await authorizeServer(caller, { serverId: server.id, userId: user.id })).outcome.ok).toBe(true);
  const db = await getDb();
  const stored = openStoredTokens((await getMcpServer(db, { workspaceId: workspace.id, id: server.id }))!)!;
  const now = Date.now();
  const clock = vi.spyOn(Date, "now").mockReturnValue(now - ageS * 1000);
  const aged = tokenColumns(server.id, stored.tokens, stored.discovery);
  clock.mockRestore();
  await db.update(mcpServers).set(aged).where(eq(mcpServers.id, server.id));
  return { caller, workspace, server, token: stored.tokens.access_token };
}

async function storedToken(workspaceId: string, id: string) {
  return openStoredTokens((await getMcpServer(await getDb(), { workspaceId, id }))!)!.tokens.access_token;
}

describe("refreshing before expiry", () => {
  it("a token with 30 s of its 300 s left is refreshed before the call, which the server never rejects", async () => {
    const { caller, workspace, server, token } = await authorizedServer("nearexpiry", lifetimeS - 30);
    const grants = peers.as.grants.length;
    const rejections = peers.mcp.rejections.length;
    const result = await caller.mcpServers.callTool({ id: server.id, name: "echo", arguments: { text: "fresh" } });
    expect(JSON.stringify(result)).toContain("fresh");
    expect(peers.as.grants.slice(grants)).toEqual([expect.objectContaining({ grantType: "refresh_token", ok: true })]);
    expect(peers.mcp.rejections.slice(rejections)).toEqual([]);
    expect(await storedToken(workspace.id, server.id)).not.toBe(token);
  });

  it("a token with most of its life left is used as it is", async () => {
    const { caller, workspace, server, token } = await authorizedServer("young", 10);
    const grants = peers.as.grants.length;
    await caller.mcpServers.callTool({ id: server.id, name: "echo", arguments: { text: "same" } });
    expect(peers.as.grants.slice(grants)).toEqual([]);
    expect(await storedToken(workspace.id, server.id)).toBe(token);
  });
});

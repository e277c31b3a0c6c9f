// OAuth and custom headers on a 2026-07-28 server: the same authorization flow as for 2025 servers, and then the
// bearer token and the header on every request of the stateless era (discover, list, call), with no initialize.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, createOwner } from "../support/fixtures";
import { authorizeServer, startOAuthPeers, type OAuthPeers } from "../support/mcp-oauth";

const apiKey = "hdr-modern-oauth-2026";
let peers: OAuthPeers;

beforeAll(async () => {
  peers = await startOAuthPeers({ requiredHeaders: { "x-api-key": apiKey }, modern: true });
});
afterAll(async () => peers?.close());

describe("a 2026-07-28 server behind OAuth", () => {
  it("needs authorization first, then gets the bearer token and the custom header on discover, list and call", async () => {
    const { user, workspace } = await createOwner();
    const caller = callerAs(user.id, workspace.id);
    const server = await caller.mcpServers.create({ name: "Modern protected", identifier: "modern", url: peers.mcp.url, headers: [{ name: "X-Api-Key", value: apiKey }] });
    expect(await caller.mcpServers.previewTools({ id: server.id })).toMatchObject({ status: "needs_authorization" });
    expect(peers.mcp.rejections).toEqual(expect.arrayContaining(["no token"]));
    expect(peers.mcp.rejections.some((r) => r.startsWith("missing header"))).toBe(false);

    await authorizeServer(caller, { serverId: server.id, userId: user.id });
    const connected = await caller.mcpServers.get({ id: server.id });
    expect(connected.status).toBe("connected");
    expect(connected.connectionKind).toBe("modern");
    expect(connected.tools.map((t) => t.name).sort()).toEqual(["add", "echo"]);

    const added = await caller.mcpServers.callTool({ id: server.id, name: "add", arguments: { a: 40, b: 2 } });
    expect(JSON.stringify(added.result.content)).toContain("42");
    expect(peers.mcp.methods).toEqual(expect.arrayContaining(["server/discover", "tools/list", "tools/call"]));
    expect(peers.mcp.methods).not.toContain("initialize");
  });
});

// Starting authorizations is bounded per person (each start registers clients and calls the authorization server).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callerAs, createOwner } from "../support/fixtures";
import { startOAuthPeers, type OAuthPeers } from "../support/mcp-oauth";

let peers: OAuthPeers;
beforeAll(async () => {
  peers = await startOAuthPeers();
});
afterAll(() => peers?.close());

describe("OAuth start limit", () => {
  it("the 21st start within ten minutes is refused with a wait, and another person is unaffected", { timeout: 60_000 }, async () => {
    const { user, workspace } = await createOwner("eager");
    const caller = callerAs(user.id, workspace.id);
    const server = await caller.mcpServers.create({ name: "Protected", identifier: "protected", url: peers.mcp.url });
    for (let i = 0; i < 20; i++) await caller.mcpServers.authorize({ id: server.id, display: "popup" });
    await expect(caller.mcpServers.authorize({ id: server.id, display: "popup" })).rejects.toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: expect.stringMatching(/Too many authorization attempts/),
    });
    const other = await createOwner("patient");
    const otherCaller = callerAs(other.user.id, other.workspace.id);
    const otherServer = await otherCaller.mcpServers.create({ name: "Protected", identifier: "protected", url: peers.mcp.url });
    await expect(otherCaller.mcpServers.authorize({ id: otherServer.id, display: "popup" })).resolves.toMatchObject({ authorizationUrl: expect.any(String) });
  });
});

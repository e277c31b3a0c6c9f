// Redis unreachable: the console and the published endpoint keep answering, because rate limits fail open (and
// log that they did). Only flows that need shared state refuse, with a clear message.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

process.env.REDIS_URL = "redis://127.0.0.1:1";
delete process.env.UPSTASH_REDIS_REST_URL;

const { createPublishedApp, connectClient } = await import("../support/published-app");
const { startTestEndpoint } = await import("../support/published-endpoint");
const { startScriptedLlm } = await import("../support/scripted-llm");
const { settleCallLogs } = await import("@/server/mcp/server/call-log");
const { startOAuthPeers } = await import("../support/mcp-oauth");
const { getMetrics } = await import("@/server/observability/metrics");

let endpoint: Awaited<ReturnType<typeof startTestEndpoint>>;
let llm: Awaited<ReturnType<typeof startScriptedLlm>>;
let peers: Awaited<ReturnType<typeof startOAuthPeers>>;

beforeAll(async () => {
  [endpoint, llm, peers] = await Promise.all([startTestEndpoint(), startScriptedLlm(), startOAuthPeers()]);
});
afterAll(async () => {
  await settleCallLogs();
  await Promise.all([endpoint.close(), llm.close(), peers.close()]);
});

describe("with the KV store down", () => {
  it("the console works and a published server still answers tools/list and tools/call, logging that limits failed open", { timeout: 60_000 }, async () => {
    const warn = vi.spyOn(console, "warn");
    const { url, caller } = await createPublishedApp(endpoint, llm);
    expect(await caller.apps.list()).toHaveLength(1);

    const client = await connectClient(url);
    expect((await client.listTools()).tools).toHaveLength(1);
    llm.script([{ text: "Still sunny." }]);
    const result = await client.callTool({ name: "weather_helper", arguments: { query: "Weather?" } });
    expect(result.isError).toBeFalsy();
    expect(JSON.stringify(result.content)).toContain("Still sunny.");
    await client.close();
    expect(warn.mock.calls.some((args) => String(args[0]).includes("failed open"))).toBe(true);
    warn.mockRestore();
    // The metrics route counts what failed (server/observability/metrics.ts).
    const failed = (await getMetrics().kvErrors.get()).values.filter((v) => v.labels.driver === "redis");
    expect(failed.reduce((sum, v) => sum + v.value, 0)).toBeGreaterThan(0);
  });

  it("starting an OAuth authorization fails with a clear message and stores nothing", { timeout: 60_000 }, async () => {
    const { callerAs, createOwner } = await import("../support/fixtures");
    const { user, workspace } = await createOwner("kv-down");
    const caller = callerAs(user.id, workspace.id);
    const server = await caller.mcpServers.create({ name: "Protected", identifier: "protected", url: peers.mcp.url });
    const before = await caller.mcpServers.get({ id: server.id });
    await expect(caller.mcpServers.authorize({ id: server.id, display: "popup" })).rejects.toMatchObject({
      code: "SERVICE_UNAVAILABLE",
      message: expect.stringMatching(/shared store \(Redis\) is unreachable/),
    });
    expect(await caller.mcpServers.get({ id: server.id })).toEqual(before);
  });
});

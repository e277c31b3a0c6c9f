// Both protocol eras on one published URL: the SDK v2 client on 2026-07-28 (discover, list, call, progress,
// cancellation, keys) and the SDK v1 client on 2025-11-25 and 2025-03-26, against the same server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectModernClient, modernHeaders, modernRequest } from "../support/modern-client";
import { createPublishedApp } from "../support/published-app";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";
import { useEndpointHarness } from "../support/endpoint-harness";

const h = useEndpointHarness();
const { connect: legacy, callLogs } = h;
const modern = async (url: string, options?: Parameters<typeof connectModernClient>[1]) => h.track(await connectModernClient(url, options));
let tools: TestMcpServer;
beforeAll(async () => {
  tools = await startTestMcpServer();
});
afterAll(() => tools.close());

describe("a 2026-07-28 client (SDK v2)", () => {
  it("discovers the server with no initialize and no session, lists the tool and calls it", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    const client = await modern(url, { name: "next-host" });
    expect(client.getProtocolEra()).toBe("modern");
    expect(client.getServerVersion()).toMatchObject({ name: "weather_helper", title: "Weather helper", version: "1" });
    expect(client.getServerCapabilities()).toMatchObject({ tools: {} });

    const [tool] = (await client.listTools()).tools;
    expect(tool).toMatchObject({ name: "weather_helper", title: "Weather helper", description: "Answers weather questions." });
    expect(tool!.outputSchema).toMatchObject({ required: ["answer", "conversation_id"] });

    h.llm.script([{ text: "Sunny." }]);
    const result = await client.callTool({ name: "weather_helper", arguments: { query: "Weather?" } });
    const text = (result.content as Array<{ text: string }>)[0]!.text;
    expect(JSON.parse(text)).toEqual({ answer: "Sunny.", conversation_id: expect.any(String) });
    expect(result.structuredContent).toEqual(JSON.parse(text));

    const logs = await callLogs(caller, app.id);
    expect(logs[0]).toMatchObject({ method: "tools/call", outcome: "ok", clientName: "next-host", clientVersion: "2.0.0" });
  });

  it("server/discover by hand names the same server and tools as initialize, with cache hints on the list", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    const post = (body: unknown, headers: Record<string, string>) => fetch(url, { method: "POST", headers, body: JSON.stringify(body) });
    const discover = await (await post(modernRequest(1, "server/discover"), modernHeaders("server/discover"))).json();
    const list = await (await post(modernRequest(2, "tools/list"), modernHeaders("tools/list"))).json();
    const init = await (
      await post(
        { jsonrpc: "2.0", id: 3, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "old", version: "1" } } },
        { "content-type": "application/json", accept: "application/json, text/event-stream" },
      )
    ).json();
    expect(discover.result._meta["io.modelcontextprotocol/serverInfo"]).toEqual(init.result.serverInfo);
    expect(discover.result.capabilities.tools).toEqual(init.result.capabilities.tools);
    expect(discover.result).toMatchObject({ supportedVersions: ["2026-07-28"], resultType: "complete" });
    expect(list.result).toMatchObject({ resultType: "complete", ttlMs: 60_000, cacheScope: "private" });
    expect(list.result.tools.map((t: { name: string }) => t.name)).toEqual(["weather_helper"]);
  });

  it("subscriptions/listen is acknowledged and ends at once: a published tool never changes under a client", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    const body = modernRequest(5, "subscriptions/listen", { notifications: { toolsListChanged: true } });
    const response = await fetch(url, { method: "POST", headers: modernHeaders("subscriptions/listen"), body: JSON.stringify(body), signal: AbortSignal.timeout(5_000) });
    const events = (await response.text()).split("\n").filter((line) => line.startsWith("data: ")).map((line) => JSON.parse(line.slice(6)));
    expect(events.map((e: { method?: string; id?: number }) => e.method ?? e.id)).toEqual(["notifications/subscriptions/acknowledged", 5]);
  });

  it("hears an agent's steps as progress before the result", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm, { type: "agent", toolServerUrl: tools.url });
    const client = await modern(url);
    h.llm.script([{ toolCalls: [{ name: "test__add", arguments: { a: 2, b: 3 } }] }, { text: "5." }]);
    const progress: string[] = [];
    const result = await client.callTool({ name: "weather_helper", arguments: { query: "Add." } }, { onprogress: (p) => progress.push(p.message ?? "") });
    expect(result.structuredContent).toMatchObject({ answer: "5." });
    expect(progress).toEqual(["Calling tool test__add", "Tool test__add finished", "Model round 1 finished", "Model round 2 finished"]);
  });

  it("cancelling a call stops the run, logs it as cancelled, and no answer follows for the client to trip over", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    const client = await modern(url);
    const errors: Error[] = [];
    client.onerror = (error) => errors.push(error);
    h.llm.script([{ text: "late", delayMs: 10_000 }]);
    const controller = new AbortController();
    const call = client.callTool({ name: "weather_helper", arguments: { query: "Slowly." } }, { signal: controller.signal });
    await expect.poll(() => h.llm.requests.length).toBe(1);
    controller.abort("user pressed stop");
    await expect(call).rejects.toThrow();
    await expect.poll(() => h.llm.abortedRequests).toEqual([0]);
    await expect.poll(async () => (await callLogs(caller, app.id))[0]?.outcome).toBe("cancelled");
    // The client still works, and never saw an answer for the cancelled request.
    h.llm.script([{ text: "Next." }]);
    expect((await client.callTool({ name: "weather_helper", arguments: { query: "Again." } })).structuredContent).toMatchObject({ answer: "Next." });
    expect(errors.map(String).join("\n")).not.toMatch(/unknown message ID/i);
  });

  it("a notifications/cancelled for a running call ends its open response with no answer (202, no body)", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    h.llm.script([{ text: "late", delayMs: 10_000 }]);
    const headers = { ...modernHeaders("tools/call", "weather_helper"), "user-agent": "canceller" };
    const call = fetch(url, { method: "POST", headers, body: JSON.stringify(modernRequest(41, "tools/call", { name: "weather_helper", arguments: { query: "Hi" } })) });
    await expect.poll(() => h.llm.requests.length).toBe(1);
    const cancel = { jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 41, _meta: modernRequest(0, "x").params._meta } };
    const cancelled = await fetch(url, { method: "POST", headers: { ...modernHeaders("notifications/cancelled"), "user-agent": "canceller" }, body: JSON.stringify(cancel) });
    expect(cancelled.status).toBe(202);
    const response = await call;
    expect(response.status).toBe(202);
    expect(await response.text()).toBe("");
    await expect.poll(() => h.llm.abortedRequests).toEqual([0]);
    await expect.poll(async () => (await callLogs(caller, app.id))[0]).toMatchObject({ method: "tools/call", outcome: "cancelled" });
  });

  it("an API-key server refuses a client without a key (401) and serves one with a key", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    await caller.publishedServers.setAccess({ appId: app.id, mode: "api_key" });
    const { key } = await caller.publishedServers.createKey({ appId: app.id, name: "modern" });
    await expect(modern(url)).rejects.toThrow(/401|Unauthorized/);
    const client = await modern(url, { headers: { authorization: `Bearer ${key}` } });
    h.llm.script([{ text: "Keyed." }]);
    expect((await client.callTool({ name: "weather_helper", arguments: { query: "Hi" } })).structuredContent).toMatchObject({ answer: "Keyed." });
  });
});

describe("2025 clients on the same URL", () => {
  it.each(["2025-11-25", "2025-06-18", "2025-03-26"])("the SDK v1 client on %s lists and calls the same tool a 2026-07-28 client sees", async (version) => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    const now = await modern(url);
    const old = await legacy(url, { protocolVersion: version });
    const [modernTool] = (await now.listTools()).tools;
    const { execution, ...legacyTool } = (await old.listTools()).tools[0]!;
    // Icons came with 2025-11-25 (SEP-973), outputSchema with 2025-06-18: older clients get the tool without them.
    const { icons, ...withoutIcons } = modernTool!;
    const { outputSchema, ...withoutOutput } = withoutIcons;
    expect(legacyTool).toEqual(version === "2025-11-25" ? modernTool : version >= "2025-06-18" ? withoutIcons : withoutOutput);
    expect(icons).toHaveLength(1);
    // Only 2025-11-25 has tool-level task negotiation; the 2026 Tasks extension is server-directed (SEP-2663).
    expect(execution).toEqual(version === "2025-11-25" ? { taskSupport: "optional" } : undefined);
    expect(outputSchema).toBeDefined();

    h.llm.script([{ text: "Old." }, { text: "New." }]);
    const oldResult = await old.callTool({ name: "weather_helper", arguments: { query: "Hi" } });
    const newResult = await now.callTool({ name: "weather_helper", arguments: { query: "Hi" } });
    // Both fields, the same answer, on every version: some hosts read only one of them.
    for (const [result, answer] of [[oldResult, "Old."], [newResult, "New."]] as const) {
      const text = (result.content as Array<{ type: string; text: string }>)[0]!;
      expect(text.type).toBe("text");
      expect(result.structuredContent).toEqual(JSON.parse(text.text));
      expect(result.structuredContent).toMatchObject({ answer });
    }
  });
});

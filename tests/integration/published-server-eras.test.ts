// Both protocol eras on one published URL: the SDK v2 client on 2026-07-28 (discover, list, call, progress,
// cancellation, keys) and the SDK v1 client on 2025-11-25 and 2025-03-26, against the same server.
import type { Client as ModernClient } from "@modelcontextprotocol/client";
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { settleCallLogs } from "@/server/mcp/server/call-log";
import { connectModernClient, modernHeaders, modernRequest } from "../support/modern-client";
import { connectClient, createPublishedApp } from "../support/published-app";
import { startTestEndpoint, type TestEndpoint } from "../support/published-endpoint";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";

let endpoint: TestEndpoint;
let tools: TestMcpServer;
let llm: ScriptedLlm;
const clients: Array<Client | ModernClient> = [];

beforeAll(async () => {
  [endpoint, tools] = await Promise.all([startTestEndpoint(), startTestMcpServer()]);
});
afterAll(() => Promise.all([endpoint.close(), tools.close()]));
beforeEach(async () => {
  llm = await startScriptedLlm();
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await llm.close();
});

async function modern(url: string, options?: Parameters<typeof connectModernClient>[1]) {
  const client = await connectModernClient(url, options);
  clients.push(client);
  return client;
}

async function legacy(url: string, options?: Parameters<typeof connectClient>[1]) {
  const client = await connectClient(url, options);
  clients.push(client);
  return client;
}

async function callLogs(caller: Awaited<ReturnType<typeof createPublishedApp>>["caller"], appId: string) {
  await settleCallLogs();
  return (await caller.publishedServers.listCalls({ appId })).items;
}

describe("a 2026-07-28 client (SDK v2)", () => {
  it("discovers the server with no initialize and no session, lists the tool and calls it", async () => {
    const { url, caller, app } = await createPublishedApp(endpoint, llm);
    const client = await modern(url, { name: "next-host" });
    expect(client.getProtocolEra()).toBe("modern");
    expect(client.getServerVersion()).toMatchObject({ name: "weather_helper", title: "Weather helper", version: "1" });
    expect(client.getServerCapabilities()).toMatchObject({ tools: {} });

    const [tool] = (await client.listTools()).tools;
    expect(tool).toMatchObject({ name: "weather_helper", title: "Weather helper", description: "Answers weather questions." });
    expect(tool!.outputSchema).toMatchObject({ required: ["answer", "conversation_id"] });

    llm.script([{ text: "Sunny." }]);
    const result = await client.callTool({ name: "weather_helper", arguments: { query: "Weather?" } });
    const text = (result.content as Array<{ text: string }>)[0]!.text;
    expect(JSON.parse(text)).toEqual({ answer: "Sunny.", conversation_id: expect.any(String) });
    expect(result.structuredContent).toEqual(JSON.parse(text));

    const logs = await callLogs(caller, app.id);
    expect(logs[0]).toMatchObject({ method: "tools/call", outcome: "ok", clientName: "next-host", clientVersion: "2.0.0" });
  });

  it("server/discover by hand names the same server and tools as initialize, with cache hints on the list", async () => {
    const { url } = await createPublishedApp(endpoint, llm);
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
    const { url } = await createPublishedApp(endpoint, llm);
    const body = modernRequest(5, "subscriptions/listen", { notifications: { toolsListChanged: true } });
    const response = await fetch(url, { method: "POST", headers: modernHeaders("subscriptions/listen"), body: JSON.stringify(body), signal: AbortSignal.timeout(5_000) });
    const events = (await response.text()).split("\n").filter((line) => line.startsWith("data: ")).map((line) => JSON.parse(line.slice(6)));
    expect(events.map((e: { method?: string; id?: number }) => e.method ?? e.id)).toEqual(["notifications/subscriptions/acknowledged", 5]);
  });

  it("hears an agent's steps as progress before the result", async () => {
    const { url } = await createPublishedApp(endpoint, llm, { type: "agent", toolServerUrl: tools.url });
    const client = await modern(url);
    llm.script([{ toolCalls: [{ name: "test__add", arguments: { a: 2, b: 3 } }] }, { text: "5." }]);
    const progress: string[] = [];
    const result = await client.callTool({ name: "weather_helper", arguments: { query: "Add." } }, { onprogress: (p) => progress.push(p.message ?? "") });
    expect(result.structuredContent).toMatchObject({ answer: "5." });
    expect(progress).toEqual(["Calling tool test__add", "Tool test__add finished", "Model round 1 finished", "Model round 2 finished"]);
  });

  it("cancelling a call stops the run, logs it as cancelled, and no answer follows for the client to trip over", async () => {
    const { url, caller, app } = await createPublishedApp(endpoint, llm);
    const client = await modern(url);
    const errors: Error[] = [];
    client.onerror = (error) => errors.push(error);
    llm.script([{ text: "late", delayMs: 10_000 }]);
    const controller = new AbortController();
    const call = client.callTool({ name: "weather_helper", arguments: { query: "Slowly." } }, { signal: controller.signal });
    await expect.poll(() => llm.requests.length).toBe(1);
    controller.abort("user pressed stop");
    await expect(call).rejects.toThrow();
    await expect.poll(() => llm.abortedRequests).toEqual([0]);
    await expect.poll(async () => (await callLogs(caller, app.id))[0]?.outcome).toBe("cancelled");
    // The client still works, and never saw an answer for the cancelled request.
    llm.script([{ text: "Next." }]);
    expect((await client.callTool({ name: "weather_helper", arguments: { query: "Again." } })).structuredContent).toMatchObject({ answer: "Next." });
    expect(errors.map(String).join("\n")).not.toMatch(/unknown message ID/i);
  });

  it("a notifications/cancelled for a running call ends its open response with no answer (202, no body)", async () => {
    const { url, caller, app } = await createPublishedApp(endpoint, llm);
    llm.script([{ text: "late", delayMs: 10_000 }]);
    const headers = { ...modernHeaders("tools/call", "weather_helper"), "user-agent": "canceller" };
    const call = fetch(url, { method: "POST", headers, body: JSON.stringify(modernRequest(41, "tools/call", { name: "weather_helper", arguments: { query: "Hi" } })) });
    await expect.poll(() => llm.requests.length).toBe(1);
    const cancel = { jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 41, _meta: modernRequest(0, "x").params._meta } };
    const cancelled = await fetch(url, { method: "POST", headers: { ...modernHeaders("notifications/cancelled"), "user-agent": "canceller" }, body: JSON.stringify(cancel) });
    expect(cancelled.status).toBe(202);
    const response = await call;
    expect(response.status).toBe(202);
    expect(await response.text()).toBe("");
    await expect.poll(() => llm.abortedRequests).toEqual([0]);
    await expect.poll(async () => (await callLogs(caller, app.id))[0]).toMatchObject({ method: "tools/call", outcome: "cancelled" });
  });

  it("a server with keys refuses a client without one (401) and serves one with a key", async () => {
    const { url, caller, app } = await createPublishedApp(endpoint, llm);
    const { key } = await caller.publishedServers.createKey({ appId: app.id, name: "modern" });
    await expect(modern(url)).rejects.toThrow(/401|Unauthorized/);
    const client = await modern(url, { headers: { authorization: `Bearer ${key}` } });
    llm.script([{ text: "Keyed." }]);
    expect((await client.callTool({ name: "weather_helper", arguments: { query: "Hi" } })).structuredContent).toMatchObject({ answer: "Keyed." });
  });
});

describe("2025 clients on the same URL", () => {
  it.each(["2025-11-25", "2025-06-18", "2025-03-26"])("the SDK v1 client on %s lists and calls the same tool a 2026-07-28 client sees", async (version) => {
    const { url } = await createPublishedApp(endpoint, llm);
    const now = await modern(url);
    const old = await legacy(url, { protocolVersion: version });
    const [modernTool] = (await now.listTools()).tools;
    const [legacyTool] = (await old.listTools()).tools;
    const { outputSchema, ...withoutOutput } = modernTool!;
    expect(legacyTool).toEqual(version >= "2025-06-18" ? modernTool : withoutOutput);
    expect(outputSchema).toBeDefined();

    llm.script([{ text: "Old." }, { text: "New." }]);
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

describe("cancellation on the 2025 lane", () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it.each([
    ["a plain call", undefined],
    ["a call asking for progress", () => {}],
  ])("after notifications/cancelled the SDK v1 client gets no answer for %s, so reports no unknown message ID", async (_, onprogress) => {
    const { url, caller, app } = await createPublishedApp(endpoint, llm);
    const client = await legacy(url, { protocolVersion: "2025-11-25" });
    const errors: Error[] = [];
    client.onerror = (error) => errors.push(error);
    llm.script([{ text: "late late late", delayMs: 10_000 }]);
    const controller = new AbortController();
    const call = client.callTool({ name: "weather_helper", arguments: { query: "Slowly." } }, undefined, { signal: controller.signal, onprogress });
    await expect.poll(() => llm.requests.length).toBe(1);
    controller.abort("user pressed stop");
    await expect(call).rejects.toThrow();
    await expect.poll(() => llm.abortedRequests).toEqual([0]);
    await expect.poll(async () => (await callLogs(caller, app.id))[0]?.outcome).toBe("cancelled");
    // Time for an answer to arrive, had one been sent.
    await sleep(300);
    expect(errors.map(String).join("\n")).not.toMatch(/unknown message ID/i);
  });

  it.each([
    ["a plain call ends as 202 with no body", {}, 202, ""],
    ["a call asking for progress ends its stream without the answer", { _meta: { progressToken: "p" } }, 200, null],
  ])("%s", async (_, extra, status, body) => {
    const { url } = await createPublishedApp(endpoint, llm);
    llm.script([{ text: "late", delayMs: 10_000 }]);
    const headers = { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25", "user-agent": "raw-canceller" };
    const call = fetch(url, { method: "POST", headers, body: JSON.stringify({ jsonrpc: "2.0", id: 5, method: "tools/call", params: { name: "weather_helper", arguments: { query: "Hi" }, ...extra } }) });
    await expect.poll(() => llm.requests.length).toBe(1);
    const cancel = await fetch(url, { method: "POST", headers, body: JSON.stringify({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 5 } }) });
    expect(cancel.status).toBe(202);
    const response = await call;
    expect(response.status).toBe(status);
    const text = await response.text();
    if (body !== null) expect(text).toBe(body);
    expect(text).not.toContain('"id":5');
  });
});

describe("cancellation in a 2025-03-26 batch", () => {
  it("the cancelled call's answer is left out, the rest of the batch is answered, and the stream ends", async () => {
    const { url, caller, app } = await createPublishedApp(endpoint, llm);
    llm.script([{ text: "late", delayMs: 10_000 }]);
    const headers = { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-03-26", "user-agent": "batcher" };
    const batch = [
      { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "weather_helper", arguments: { query: "Hi" } } },
      { jsonrpc: "2.0", id: 2, method: "tools/list" },
    ];
    const call = fetch(url, { method: "POST", headers, body: JSON.stringify(batch) });
    await expect.poll(() => llm.requests.length).toBe(1);
    await fetch(url, { method: "POST", headers, body: JSON.stringify({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 1 } }) });
    const response = await call;
    const answers = (await response.text()).split("\n").filter((line) => line.startsWith("data: ")).map((line) => JSON.parse(line.slice(6)));
    expect(answers.map((a: { id: number }) => a.id)).toEqual([2]);
    await expect.poll(async () => (await callLogs(caller, app.id)).map((l) => [l.method, l.outcome]).sort()).toEqual([
      ["tools/call", "cancelled"],
      ["tools/list", "ok"],
    ]);
  });
});

describe("task-augmented calls (2025-11-25 tasks) run as plain calls", () => {
  const taskCall = (extra: object = {}) => ({ name: "weather_helper", arguments: { query: "Hi" }, task: { ttl: 60_000 }, ...extra });

  it.each([
    ["answered directly", {}],
    ["through the SDK server with progress", { _meta: { progressToken: "t" } }],
  ])("on the 2025 lane, %s: a normal result, never -32603", async (_, extra) => {
    const { url } = await createPublishedApp(endpoint, llm);
    llm.script([{ text: "Done." }]);
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 8, method: "tools/call", params: taskCall(extra) }),
    });
    const text = await response.text();
    const answer = JSON.parse(response.headers.get("content-type")?.startsWith("text/event-stream") ? text.trim().split("data: ").at(-1)! : text);
    expect(answer.error).toBeUndefined();
    expect(answer.result.structuredContent).toMatchObject({ answer: "Done." });
  });

  it("on the 2026-07-28 lane: a normal result", async () => {
    const { url } = await createPublishedApp(endpoint, llm);
    llm.script([{ text: "Done." }]);
    const response = await fetch(url, { method: "POST", headers: modernHeaders("tools/call", "weather_helper"), body: JSON.stringify(modernRequest(9, "tools/call", taskCall())) });
    const answer = await response.json();
    expect(answer.error).toBeUndefined();
    expect(answer.result).toMatchObject({ resultType: "complete", structuredContent: { answer: "Done." } });
  });
});

describe("the endpoint's own rules hold on the 2026-07-28 lane", () => {
  const listBody = JSON.stringify(modernRequest(1, "tools/list"));

  it("an unknown or malformed code answers 404 with the same message on every method", async () => {
    const { url } = await createPublishedApp(endpoint, llm);
    const unknown = url.replace(/\/server\/[^/]+\//, `/server/${"A".repeat(43)}/`);
    const malformed = url.replace(/\/server\/[^/]+\//, "/server/nope/");
    const answers = new Set<string>();
    for (const target of [unknown, malformed]) {
      for (const method of ["GET", "POST", "DELETE", "PUT"]) {
        const response = await fetch(target, { method, headers: modernHeaders("tools/list"), body: method === "GET" ? undefined : listBody });
        expect(response.status, `${method} ${target}`).toBe(404);
        answers.add(JSON.stringify((await response.json()).error));
      }
    }
    expect([...answers]).toEqual([JSON.stringify({ code: -32001, message: "Not found: no MCP server at this URL. Check the URL, or ask the app's owner for the new one." })]);
  });

  it("GET and DELETE on a server that exists answer 405 with Allow: POST (no stream to open, no session to end)", async () => {
    const { url } = await createPublishedApp(endpoint, llm);
    for (const method of ["GET", "DELETE"]) {
      const response = await fetch(url, { method, headers: { accept: "text/event-stream" } });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
      expect((await response.json()).error.message).toMatch(/only accepts POST/);
    }
  });

  it("an Mcp-Method header that does not match the body is refused with -32020, and the refusal is logged", async () => {
    const { url, caller, app } = await createPublishedApp(endpoint, llm);
    const response = await fetch(url, { method: "POST", headers: modernHeaders("tools/call", "weather_helper"), body: listBody });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe(-32020);
    expect(await callLogs(caller, app.id)).toMatchObject([{ method: "tools/list", outcome: "error" }]);
  });

  it("an envelope naming a version this server does not speak is refused with -32022 naming the supported one", async () => {
    const { url } = await createPublishedApp(endpoint, llm);
    const body = modernRequest(1, "tools/list", {}, { "io.modelcontextprotocol/protocolVersion": "2099-01-01" });
    const response = await fetch(url, { method: "POST", headers: { ...modernHeaders("tools/list"), "mcp-protocol-version": "2099-01-01" }, body: JSON.stringify(body) });
    const answer = await response.json();
    expect(answer.error.code).toBe(-32022);
    expect(JSON.stringify(answer.error)).toContain("2026-07-28");
  });

  it("a foreign Origin, an oversized body and a caller past the rate limit are refused as on the 2025 lane", async () => {
    const limited = await startTestEndpoint({ rateLimit: { limit: 2, windowSeconds: 60 }, maxBodyBytes: 4096 });
    try {
      const { url } = await createPublishedApp(limited, llm);
      const post = (body: string, headers: Record<string, string> = {}) => fetch(url, { method: "POST", headers: { ...modernHeaders("tools/list"), ...headers }, body });
      expect((await post(listBody, { origin: "https://evil.example" })).status).toBe(403);
      const huge = JSON.stringify(modernRequest(2, "tools/list", { pad: "x".repeat(10_000) }));
      expect((await post(huge)).status).toBe(413);
      expect((await post(listBody)).status).toBe(200);
      const refused = await post(listBody);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
    } finally {
      await limited.close();
    }
  });
});

describe("malformed 2026-07-28 requests are answered in our words", () => {
  const cases: Array<[string, ReturnType<typeof modernRequest>, string, string | undefined, number | "isError"]> = [
    ["an unknown tool", modernRequest(1, "tools/call", { name: "rm_rf", arguments: {} }), "tools/call", "rm_rf", -32602],
    ["an unknown method", modernRequest(2, "resources/list"), "resources/list", undefined, -32601],
    ["arguments of the wrong type", modernRequest(3, "tools/call", { name: "weather_helper", arguments: { query: 42 } }), "tools/call", "weather_helper", "isError"],
    ["a malformed envelope", modernRequest(4, "tools/list", {}, { "io.modelcontextprotocol/clientCapabilities": "nope" }), "tools/list", undefined, -32602],
  ];

  it.each(cases)("%s", async (_, body, method, name, expected) => {
    const { url } = await createPublishedApp(endpoint, llm);
    const response = await fetch(url, { method: "POST", headers: modernHeaders(method, name), body: JSON.stringify(body) });
    const text = await response.text();
    expect(response.status, text).toBeLessThan(500);
    expect(text).not.toMatch(/\n\s+at |node_modules|ZodError|[A-Z][a-z]+Error:|SQL|postgres/);
    const answer = JSON.parse(text);
    if (expected === "isError") expect(answer.result).toMatchObject({ isError: true, content: [{ type: "text", text: expect.stringMatching(/"query"/) }] });
    else expect(answer.error.code, text).toBe(expected);
    expect(llm.requests).toHaveLength(0);
  });
});

// The endpoint's own rules on both protocol eras: cancellation leaves no answer on the 2025 lane (plain, progress,
// batch), task-augmented calls become tasks, and the 2026-07-28 lane keeps 404/405, -32020/-32022, Origin, size,
// rate limit and our error words.
import { describe, expect, it } from "vitest";
import { modernHeaders, modernRequest } from "../support/modern-client";
import { createPublishedApp } from "../support/published-app";
import { startTestEndpoint } from "../support/published-endpoint";
import { useEndpointHarness } from "../support/endpoint-harness";

const h = useEndpointHarness();
const { connect: legacy, callLogs } = h;

describe("cancellation on the 2025 lane", () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it.each([
    ["a plain call", undefined],
    ["a call asking for progress", () => {}],
  ])("after notifications/cancelled the SDK v1 client gets no answer for %s, so reports no unknown message ID", async (_, onprogress) => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    const client = await legacy(url, { protocolVersion: "2025-11-25" });
    const errors: Error[] = [];
    client.onerror = (error) => errors.push(error);
    h.llm.script([{ text: "late late late", delayMs: 10_000 }]);
    const controller = new AbortController();
    const call = client.callTool({ name: "weather_helper", arguments: { query: "Slowly." } }, undefined, { signal: controller.signal, onprogress });
    await expect.poll(() => h.llm.requests.length).toBe(1);
    controller.abort("user pressed stop");
    await expect(call).rejects.toThrow();
    await expect.poll(() => h.llm.abortedRequests).toEqual([0]);
    await expect.poll(async () => (await callLogs(caller, app.id))[0]?.outcome).toBe("cancelled");
    // Time for an answer to arrive, had one been sent.
    await sleep(300);
    expect(errors.map(String).join("\n")).not.toMatch(/unknown message ID/i);
  });

  it.each([
    ["a plain call ends as 202 with no body", {}, 202, ""],
    ["a call asking for progress ends its stream without the answer", { _meta: { progressToken: "p" } }, 200, null],
  ])("%s", async (_, extra, status, body) => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    h.llm.script([{ text: "late", delayMs: 10_000 }]);
    const headers = { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25", "user-agent": "raw-canceller" };
    const call = fetch(url, { method: "POST", headers, body: JSON.stringify({ jsonrpc: "2.0", id: 5, method: "tools/call", params: { name: "weather_helper", arguments: { query: "Hi" }, ...extra } }) });
    await expect.poll(() => h.llm.requests.length).toBe(1);
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
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    h.llm.script([{ text: "late", delayMs: 10_000 }]);
    const headers = { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-03-26", "user-agent": "batcher" };
    const batch = [
      { jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "weather_helper", arguments: { query: "Hi" } } },
      { jsonrpc: "2.0", id: 2, method: "tools/list" },
    ];
    const call = fetch(url, { method: "POST", headers, body: JSON.stringify(batch) });
    await expect.poll(() => h.llm.requests.length).toBe(1);
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

describe("task-augmented calls run as durable tasks on both lanes (published-server-tasks.test.ts has the rest)", () => {
  const taskCall = (extra: object = {}) => ({ name: "weather_helper", arguments: { query: "Hi" }, task: { ttl: 60_000 }, ...extra });
  const declaresTasks = { "io.modelcontextprotocol/clientCapabilities": { extensions: { "io.modelcontextprotocol/tasks": {} } } };

  it.each([
    ["answered directly", {}],
    ["asking for progress", { _meta: { progressToken: "t" } }],
  ])("on the 2025 lane, %s: a CreateTaskResult, never -32603", async (_, extra) => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    h.llm.script([{ text: "Done." }]);
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 8, method: "tools/call", params: taskCall(extra) }),
    });
    const answer = await response.json();
    expect(answer.error).toBeUndefined();
    expect(answer.result.task).toMatchObject({ status: "working", ttl: 60_000 });
  });

  it("on the 2026-07-28 lane, a client that does not declare the Tasks extension gets a normal result", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    h.llm.script([{ text: "Done." }]);
    const response = await fetch(url, { method: "POST", headers: modernHeaders("tools/call", "weather_helper"), body: JSON.stringify(modernRequest(9, "tools/call", taskCall())) });
    const answer = await response.json();
    expect(answer.error).toBeUndefined();
    expect(answer.result).toMatchObject({ resultType: "complete", structuredContent: { answer: "Done." } });
  });

  it("on the 2026-07-28 lane, one that declares it gets resultType task; tasks/get inlines the result, tasks/cancel acknowledges", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    const discovered = await (await fetch(url, { method: "POST", headers: modernHeaders("server/discover"), body: JSON.stringify(modernRequest(0, "server/discover")) })).json();
    expect(discovered.result.capabilities.extensions).toEqual({ "io.modelcontextprotocol/tasks": {} });
    h.llm.script([{ text: "Later.", delayMs: 500 }, { text: "never", delayMs: 10_000 }]);
    const post = async (id: number, method: string, name: string, params: Record<string, unknown>) =>
      (await fetch(url, { method: "POST", headers: modernHeaders(method, name), body: JSON.stringify(modernRequest(id, method, params, declaresTasks)) })).json();
    const created = await post(1, "tools/call", "weather_helper", { name: "weather_helper", arguments: { query: "Weather?" } });
    expect(created.result).toMatchObject({ resultType: "task", status: "working", ttlMs: 3_600_000, pollIntervalMs: 2_000 });
    const taskId = created.result.taskId as string;
    await expect.poll(async () => (await post(2, "tasks/get", taskId, { taskId })).result?.status, { timeout: 15_000 }).toBe("completed");
    expect((await post(3, "tasks/get", taskId, { taskId })).result).toMatchObject({ resultType: "complete", result: { structuredContent: { answer: "Later." } } });

    const second = (await post(4, "tools/call", "weather_helper", { name: "weather_helper", arguments: { query: "Slowly" } })).result.taskId as string;
    await expect.poll(() => h.llm.requests.length).toBe(2);
    expect((await post(5, "tasks/cancel", second, { taskId: second })).result).toEqual({ resultType: "complete" });
    await expect.poll(() => h.llm.abortedRequests).toEqual([1]);
    // Routing headers that disagree with the body are the SDK's to refuse (-32020), tasks or not.
    expect((await post(6, "tasks/get", "someone-else", { taskId })).error).toMatchObject({ code: -32020 });
    const wrongVersion = modernRequest(7, "tasks/get", { taskId }, { ...declaresTasks, "io.modelcontextprotocol/protocolVersion": "2099-01-01" });
    const refused = await (await fetch(url, { method: "POST", headers: modernHeaders("tasks/get", taskId), body: JSON.stringify(wrongVersion) })).json();
    // The SDK's refusal (the header and the envelope disagree: -32020; an unknown version alone: -32022), not a task.
    expect(refused.result).toBeUndefined();
    expect([-32020, -32022]).toContain(refused.error.code);
    // The runs are logged once each, as tools/call with their conversation; the polls as themselves. The cancelled
    // run's line is written when its job winds down, which may be after the cancel's answer.
    const runOutcomes = async () => (await callLogs(caller, app.id)).filter((l) => l.method === "tools/call").map((l) => l.outcome).sort();
    await expect.poll(runOutcomes, { timeout: 10_000 }).toEqual(["cancelled", "ok"]);
  });
});

describe("the endpoint's own rules hold on the 2026-07-28 lane", () => {
  const listBody = JSON.stringify(modernRequest(1, "tools/list"));

  it("an unknown or malformed code answers 404 with the same message on every method", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
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
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    for (const method of ["GET", "DELETE"]) {
      const response = await fetch(url, { method, headers: { accept: "text/event-stream" } });
      expect(response.status).toBe(405);
      expect(response.headers.get("allow")).toBe("POST");
      expect((await response.json()).error.message).toMatch(/only accepts POST/);
    }
  });

  it("an Mcp-Method header that does not match the body is refused with -32020, and the refusal is logged", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    const response = await fetch(url, { method: "POST", headers: modernHeaders("tools/call", "weather_helper"), body: listBody });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe(-32020);
    expect(await callLogs(caller, app.id)).toMatchObject([{ method: "tools/list", outcome: "error" }]);
  });

  it("an envelope naming a version this server does not speak is refused with -32022 naming the supported one", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    const body = modernRequest(1, "tools/list", {}, { "io.modelcontextprotocol/protocolVersion": "2099-01-01" });
    const response = await fetch(url, { method: "POST", headers: { ...modernHeaders("tools/list"), "mcp-protocol-version": "2099-01-01" }, body: JSON.stringify(body) });
    const answer = await response.json();
    expect(answer.error.code).toBe(-32022);
    expect(JSON.stringify(answer.error)).toContain("2026-07-28");
  });

  it("a foreign Origin, an oversized body and a caller past the rate limit are refused as on the 2025 lane", async () => {
    const limited = await startTestEndpoint({ rateLimit: { limit: 2, windowSeconds: 60 }, maxBodyBytes: 4096 });
    try {
      const { url } = await createPublishedApp(limited, h.llm);
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
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    const response = await fetch(url, { method: "POST", headers: modernHeaders(method, name), body: JSON.stringify(body) });
    const text = await response.text();
    expect(response.status, text).toBeLessThan(500);
    expect(text).not.toMatch(/\n\s+at |node_modules|ZodError|[A-Z][a-z]+Error:|SQL|postgres/);
    const answer = JSON.parse(text);
    if (expected === "isError") expect(answer.result).toMatchObject({ isError: true, content: [{ type: "text", text: expect.stringMatching(/"query"/) }] });
    else expect(answer.error.code, text).toBe(expected);
    expect(h.llm.requests).toHaveLength(0);
  });
});

// A published call's progress and cancellation through the SDK's real Client over HTTP: an agent's steps as progress
// notifications, notifications/cancelled stopping the run (here and through another instance's KV flag), and the
// same answer whether the call is answered directly or through the SDK server.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getKv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";
import { callKey, trackCall } from "@/server/mcp/server/cancellations";
import { createPublishedApp } from "../support/published-app";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";
import { useEndpointHarness } from "../support/endpoint-harness";

const h = useEndpointHarness();
const { connect, callLogs } = h;
let tools: TestMcpServer;
beforeAll(async () => {
  tools = await startTestMcpServer();
});
afterAll(() => tools.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("progress and cancellation", () => {
  it("an agent's steps arrive as progress notifications in order, before the result", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm, { type: "agent", toolServerUrl: tools.url });
    const client = await connect(url);
    h.llm.script([
      { toolCalls: [{ name: "test__add", arguments: { a: 2, b: 3 } }] },
      { toolCalls: [{ name: "test__echo", arguments: { text: "hi" } }] },
      { text: "2 + 3 = 5." },
    ]);
    const progress: Array<{ progress: number; message?: string }> = [];
    const result = await client.callTool({ name: "weather_helper", arguments: { query: "Add." } }, undefined, { onprogress: (p) => progress.push(p) });

    expect(result.structuredContent).toMatchObject({ answer: "2 + 3 = 5." });
    expect(progress.map((p) => p.message)).toEqual([
      "Calling tool test__add",
      "Tool test__add finished",
      "Model round 1 finished",
      "Calling tool test__echo",
      "Tool test__echo finished",
      "Model round 2 finished",
      "Model round 3 finished",
    ]);
    expect(progress.map((p) => p.progress)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    // A client listening for progress gets it as the run goes: the model's answers are streamed.
    expect(h.llm.requests.map((r) => r.stream)).toEqual([true, true, true]);
  });

  it("cancelling a call (notifications/cancelled) stops the run and the model server sees its request aborted", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    const client = await connect(url);
    // No progress token, so the answer is asked for whole: the model takes its time before answering at all.
    h.llm.script([{ text: "one two three four five six seven eight nine ten", delayMs: 10_000 }]);
    const controller = new AbortController();
    const call = client.callTool({ name: "weather_helper", arguments: { query: "Slowly." } }, undefined, { signal: controller.signal });
    await expect.poll(() => h.llm.requests.length).toBe(1);
    controller.abort("user pressed stop");
    await expect(call).rejects.toThrow();
    await expect.poll(() => h.llm.abortedRequests).toEqual([0]);

    await expect.poll(async () => (await callLogs(caller, app.id))[0]?.outcome).toBe("cancelled");
    const [log] = await callLogs(caller, app.id);
    const conversation = await caller.conversations.get({ appId: app.id, id: log!.conversationId! });
    expect(conversation.messages[1]).toMatchObject({ role: "assistant", status: "stopped" });
  });

  // A plain call is answered directly as JSON; one asking for progress goes through the SDK server over SSE.
  it.each([
    ["a plain call", {}],
    ["a call asking for progress", { _meta: { progressToken: "p1" } }],
  ])("the client going away mid-call (connection closed) stops the run too, and the call is logged as cancelled: %s", async (_, extra) => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    h.llm.script([{ text: "slow slow slow slow slow slow", chunkDelayMs: 500, delayMs: 1_000 }]);
    const controller = new AbortController();
    const response = fetch(url, {
      method: "POST",
      signal: controller.signal,
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-06-18" },
      body: JSON.stringify({ jsonrpc: "2.0", id: 7, method: "tools/call", params: { name: "weather_helper", arguments: { query: "Hi" }, ...extra } }),
    });
    await expect.poll(() => h.llm.requests.length).toBe(1);
    controller.abort();
    await expect(response.then((r) => r.text())).rejects.toThrow();
    await expect.poll(() => h.llm.abortedRequests).toEqual([0]);
    await expect.poll(async () => (await callLogs(caller, app.id))[0]).toMatchObject({ method: "tools/call", outcome: "cancelled", conversationId: expect.any(String) });
    const [log] = await callLogs(caller, app.id);
    const conversation = await caller.conversations.get({ appId: app.id, id: log!.conversationId! });
    expect(conversation.messages[1]).toMatchObject({ role: "assistant", status: "stopped" });
  });

  it("a plain call answered directly and one asking for progress through the SDK server give the same result", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    const call = async (extra: object) => {
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-06-18" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 9, method: "tools/call", params: { name: "weather_helper", arguments: { query: "Weather?" }, ...extra } }),
      });
      const text = await response.text();
      // The SSE answer's last event carries the JSON-RPC response.
      const json = response.headers.get("content-type")?.startsWith("text/event-stream") ? text.trim().split("data: ").at(-1)! : text;
      return { type: response.headers.get("content-type"), answer: JSON.parse(json) };
    };
    h.llm.script([{ text: "Sunny." }, { text: "Sunny." }]);
    const plain = await call({});
    const withProgress = await call({ _meta: { progressToken: "p2" } });
    expect(plain.type).toMatch(/^application\/json/);
    expect(withProgress.type).toMatch(/^text\/event-stream/);
    const withoutIds = ({ answer }: { answer: { result: { structuredContent: { conversation_id: string } } } }) => JSON.parse(JSON.stringify(answer).replaceAll(answer.result.structuredContent.conversation_id, "<conversation>"));
    expect(withoutIds(plain)).toEqual(withoutIds(withProgress));
    expect(plain.answer).toMatchObject({ jsonrpc: "2.0", id: 9, result: { structuredContent: { answer: "Sunny." } } });
  });

  it("a cancellation that reached another instance stops the call through the KV flag", async () => {
    const key = callKey({ serverKey: "app-1", clientScope: "session-1", requestId: 3 });
    const tracked = trackCall(key, { kv: getKv(), pollMs: 50 });
    try {
      await getKv().set(kvKeys.mcpCancel(key), "1", { ttlSeconds: 60 });
      await sleep(300);
      expect(tracked.signal.aborted).toBe(true);
    } finally {
      tracked.done();
    }
  });
});

// The 2026-07-28 Tasks extension form (SEP-2663) of the task dispatch, called as the 2026 lane calls it: a client
// declaring the extension gets `resultType: "task"`, tasks/get inlines the result, tasks/cancel and tasks/update are
// empty acknowledgements, an unknown id is -32602, and tasks/result does not exist on this lane.
import type { JSONRPCRequest } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "@/server/crypto/tokens";
import { getDb } from "@/server/db";
import { getKv } from "@/server/kv";
import { ledgerBase, serverContext } from "@/server/mcp/server/lane";
import { loadEndpoint } from "@/server/mcp/server/load-endpoint";
import { RequestLedger } from "@/server/mcp/server/request-ledger";
import { answerTaskRequest, isTaskRequest } from "@/server/mcp/server/tasks/answer-task-request";
import { taskScope } from "@/server/mcp/server/tasks/task-scope";
import type { ServerContext } from "@/server/mcp/server/tool-call";
import { createPublishedApp } from "../support/published-app";
import { startTestEndpoint, type TestEndpoint } from "../support/published-endpoint";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";

let endpoint: TestEndpoint;
let llm: ScriptedLlm;
let ctx: ServerContext;

const declares = { "io.modelcontextprotocol/clientCapabilities": { extensions: { "io.modelcontextprotocol/tasks": {} } } };
const request = (method: string, params: Record<string, unknown>, id = 1): JSONRPCRequest => ({ jsonrpc: "2.0", id, method, params });
async function answer(message: JSONRPCRequest, context = ctx) {
  return (await answerTaskRequest(message, context, "2026")) as { result?: Record<string, unknown>; error?: { code: number; message: string } };
}

beforeAll(async () => {
  [endpoint, llm] = await Promise.all([startTestEndpoint(), startScriptedLlm()]);
  const { url } = await createPublishedApp(endpoint, llm);
  const code = /\/mcp\/server\/([^/]+)\/mcp/.exec(url)![1]!;
  const found = (await loadEndpoint(await getDb(), { codeHash: hashToken(code), keyHash: "" }))!;
  const client = { name: "v2-client", version: "2.4.0" };
  ctx = serverContext(found, {
    request: new Request("http://127.0.0.1/"),
    protocolVersion: "2026-07-28",
    clientScope: "2026-client",
    kv: getKv(),
    cancelPollMs: 100,
    ledger: new RequestLedger(ledgerBase(found, null), client),
    tasks: { scope: taskScope({ bearer: null, sessionId: null }), client },
    personId: null,
  });
});
afterAll(() => Promise.all([endpoint.close(), llm.close()]));

describe("the 2026-07-28 Tasks extension", () => {
  it("makes a task only of a call whose client declares the extension, and of no call on a context without tasks", () => {
    const call = request("tools/call", { name: "weather_helper", arguments: { query: "Hi" }, _meta: declares });
    expect(isTaskRequest(call, ctx, "2026")).toBe(true);
    expect(isTaskRequest(request("tools/call", { name: "weather_helper", arguments: { query: "Hi" } }), ctx, "2026")).toBe(false);
    // The 2025 form's `task` parameter means nothing on this lane, and 2025's tasks/result does not exist here.
    expect(isTaskRequest(request("tools/call", { name: "weather_helper", arguments: {}, task: {} }), ctx, "2026")).toBe(false);
    expect(isTaskRequest(request("tasks/result", { taskId: "x" }), ctx, "2026")).toBe(false);
    expect(isTaskRequest(call, { tasks: undefined, appId: ctx.appId }, "2026")).toBe(false);
    // The workspace server (no app of its own) runs no tasks.
    expect(isTaskRequest(call, { tasks: ctx.tasks, appId: null }, "2026")).toBe(false);
  });

  it("answers resultType task at once, then tasks/get shows working and finally completed with the result inlined", async () => {
    llm.script([{ text: "Sunny.", delayMs: 800 }]);
    const created = (await answer(request("tools/call", { name: "weather_helper", arguments: { query: "Weather?" }, _meta: declares }))).result!;
    expect(created).toMatchObject({ resultType: "task", status: "working", ttlMs: 3_600_000, pollIntervalMs: 2_000, taskId: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(created).not.toHaveProperty("task");
    const get = () => answer(request("tasks/get", { taskId: created.taskId }));
    expect((await get()).result).toMatchObject({ resultType: "complete", status: "working" });
    await expect.poll(async () => (await get()).result?.status, { timeout: 15_000 }).toBe("completed");
    const done = (await get()).result!;
    expect(done).toMatchObject({ resultType: "complete", taskId: created.taskId, result: { structuredContent: { answer: "Sunny." }, content: [{ type: "text" }] } });
    expect(done).not.toHaveProperty("error");
  });

  it("acknowledges tasks/cancel with an empty result and stops the run; tasks/update is acknowledged too", async () => {
    llm.script([{ text: "never", delayMs: 10_000 }]);
    const before = llm.requests.length;
    const { taskId } = (await answer(request("tools/call", { name: "weather_helper", arguments: { query: "Slowly" }, _meta: declares }))).result! as { taskId: string };
    // A queued job is picked up within the queue's poll (about a second), later on a busy machine.
    await expect.poll(() => llm.requests.length, { timeout: 15_000 }).toBe(before + 1);
    expect((await answer(request("tasks/update", { taskId, inputResponses: {} }))).result).toEqual({ resultType: "complete" });
    expect((await answer(request("tasks/cancel", { taskId }))).result).toEqual({ resultType: "complete" });
    await expect.poll(() => llm.abortedRequests, { timeout: 15_000 }).toContain(before);
    expect((await answer(request("tasks/get", { taskId }))).result).toMatchObject({ status: "cancelled" });
    // An ended task's cancel is still an acknowledgement on this lane (SEP-2663 §Task Cancellation).
    expect((await answer(request("tasks/cancel", { taskId }))).result).toEqual({ resultType: "complete" });
  });

  it("answers -32602 for an unknown id, and for a task asked about by another key", async () => {
    for (const method of ["tasks/get", "tasks/cancel", "tasks/update"]) {
      expect((await answer(request(method, { taskId: "nope" }))).error).toMatchObject({ code: -32602 });
    }
    llm.script([{ text: "mine" }]);
    const { taskId } = (await answer(request("tools/call", { name: "weather_helper", arguments: { query: "Q" }, _meta: declares }))).result! as { taskId: string };
    const otherKey = { ...ctx, tasks: { ...ctx.tasks!, scope: taskScope({ bearer: "sym_other", sessionId: null }) } };
    expect((await answer(request("tasks/get", { taskId }), otherKey)).error).toMatchObject({ code: -32602 });
    await expect.poll(async () => (await answer(request("tasks/get", { taskId }))).result?.status, { timeout: 15_000 }).toBe("completed");
  });
});

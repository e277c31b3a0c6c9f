// Published calls run as tasks (MCP 2025-11-25 basic/utilities/tasks) through the SDK's real v1 Client and raw
// requests: created at once, polled while working, the same result as a plain call, cancelled mid-run, bound to
// the caller that made them, finished through another endpoint instance, and removed after their ttl.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { CallToolResultSchema, CreateTaskResultSchema, type CreateTaskResult } from "@modelcontextprotocol/sdk/types.js";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashToken } from "@/server/crypto/tokens";
import { getDb } from "@/server/db";
import { insertTask } from "@/server/db/queries/mcp-tasks";
import { apps, mcpTasks } from "@/server/db/schema";
import { settleCallLogs } from "@/server/mcp/server/call-log";
import { runTaskJob } from "@/server/mcp/server/tasks/run-task-job";
import { removeExpiredTasks } from "@/server/mcp/server/tasks/task-worker";
import { taskSettings } from "@/server/mcp/server/tasks/task-settings";
import { createPublishedApp } from "../support/published-app";
import { startTestEndpoint, type TestEndpoint } from "../support/published-endpoint";
import { useEndpointHarness } from "../support/endpoint-harness";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const h = useEndpointHarness({ cancelPollMs: 100 });
const { connect } = h;
// A second endpoint instance sharing the database and the KV store, as two servers behind a load balancer do.
let other: TestEndpoint;
beforeAll(async () => {
  other = await startTestEndpoint({ cancelPollMs: 100 });
});
afterAll(() => other.close());

const query = { name: "weather_helper", arguments: { query: "Weather?" } };
const startTask = (client: Client, ttl?: number) =>
  client.request({ method: "tools/call", params: { ...query, task: ttl === undefined ? {} : { ttl } } }, CreateTaskResultSchema).then((r: CreateTaskResult) => r.task);
const waitForStatus = async (client: Client, taskId: string, status: string) => {
  await expect.poll(async () => (await client.experimental.tasks.getTask(taskId)).status, { timeout: 15_000 }).toBe(status);
  return client.experimental.tasks.getTask(taskId);
};

/** A JSON-RPC request over plain HTTP, as any client (or a load balancer's next instance) sends it. */
async function rpc(url: string, body: object, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-11-25", ...headers },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, ...body }),
  });
  return { status: response.status, body: (await response.json()) as { result?: Record<string, unknown>; error?: { code: number; message: string } } };
}

async function initialize(url: string, headers: Record<string, string> = {}) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
    body: JSON.stringify({ jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw-client", version: "1" } } }),
  });
  return { "mcp-session-id": response.headers.get("mcp-session-id")!, ...headers };
}

describe("a task-augmented tools/call", () => {
  it("is announced: the server declares tasks for tools/call and the tool says a task is optional", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    const client = await connect(url);
    expect(client.getServerCapabilities()?.tasks).toEqual({ cancel: {}, requests: { tools: { call: {} } } });
    expect((await client.listTools()).tools[0]!.execution).toEqual({ taskSupport: "optional" });
    const older = await connect(url, { protocolVersion: "2025-06-18" });
    expect((await older.listTools()).tools[0]!.execution).toBeUndefined();
  });

  it("answers with a working task at once; tasks/get shows it working, then completed; tasks/result gives what a plain call gives", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    const client = await connect(url, { name: "task-client" });
    h.llm.script([{ text: "Sunny.", delayMs: 1_500 }, { text: "Sunny." }]);
    const task = await startTask(client, 120_000);
    expect(task).toMatchObject({ status: "working", ttl: 120_000, pollInterval: taskSettings.pollIntervalMs, createdAt: expect.any(String) });
    expect(task.taskId).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((await client.experimental.tasks.getTask(task.taskId)).status).toBe("working");
    await expect.poll(async () => (await client.experimental.tasks.getTask(task.taskId)).statusMessage).toMatch(/Running|Model round/);

    const done = await waitForStatus(client, task.taskId, "completed");
    expect(Date.parse(done.lastUpdatedAt)).toBeGreaterThan(Date.parse(done.createdAt));
    const fromTask = await client.request({ method: "tasks/result", params: { taskId: task.taskId } }, CallToolResultSchema);
    const plain = await client.callTool(query);
    const withoutConversation = (r: Record<string, unknown>) => {
      const id = (r.structuredContent as { conversation_id: string }).conversation_id;
      return JSON.parse(JSON.stringify(r).replaceAll(id, "<conversation>"));
    };
    const { _meta, ...taskResult } = fromTask;
    expect(_meta).toEqual({ "io.modelcontextprotocol/related-task": { taskId: task.taskId } });
    expect(withoutConversation(taskResult)).toEqual(withoutConversation(plain));
    expect(fromTask.structuredContent).toMatchObject({ answer: "Sunny." });

    // Logged once, as the call it is, with the client's name and its conversation.
    await settleCallLogs();
    const logs = (await caller.publishedServers.listCalls({ appId: app.id })).items.filter((l) => l.method === "tools/call");
    expect(logs).toHaveLength(2);
    expect(logs.at(-1)).toMatchObject({ outcome: "ok", clientName: "task-client", conversationId: expect.any(String), toolArguments: query.arguments });
  });

  it("tasks/result asked while the task works waits for its end", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    const client = await connect(url);
    h.llm.script([{ text: "Later.", delayMs: 1_500 }]);
    const task = await startTask(client);
    const result = await client.request({ method: "tasks/result", params: { taskId: task.taskId } }, CallToolResultSchema);
    expect(result.structuredContent).toMatchObject({ answer: "Later." });
  });

  it("keeps a task for the ttl asked for, within a minute and the configured maximum", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    const client = await connect(url);
    h.llm.script([{ text: "a" }, { text: "b" }, { text: "c" }]);
    const tasks = [await startTask(client, 5), await startTask(client, 10 ** 12), await startTask(client)];
    expect(tasks.map((t) => t.ttl)).toEqual([taskSettings.minTtlMs, taskSettings.maxTtlMs, taskSettings.defaultTtlMs]);
    for (const task of tasks) expect((await waitForStatus(client, task.taskId, "completed")).ttl).toBe(task.ttl);
  });

  it("in a batch (2025-03-26), or asking for progress, it is a task too, never an error", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    h.llm.script([{ text: "one" }, { text: "two" }]);
    const call = (id: number, extra: object = {}) => ({ jsonrpc: "2.0", id, method: "tools/call", params: { ...query, task: {}, ...extra } });
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-03-26" },
      body: JSON.stringify([call(1), { jsonrpc: "2.0", id: 2, method: "ping" }]),
    });
    // A batch holding a call answers over SSE (one event per answer), a JSON batch otherwise.
    const text = await response.text();
    const events = response.headers.get("content-type")?.startsWith("text/event-stream")
      ? text.split("\n").filter((l) => l.startsWith("data: ")).flatMap((l) => JSON.parse(l.slice(6)) as object)
      : (JSON.parse(text) as object[]);
    const answers = events as Array<{ id: number; result: { task?: { status: string } } }>;
    expect(answers.find((a) => a.id === 1)!.result.task).toMatchObject({ status: "working" });
    const withProgress = await rpc(url, call(3, { _meta: { progressToken: "p" } }), await initialize(url));
    expect(withProgress.body.result!.task).toMatchObject({ status: "working" });
  });

  it("a call for a tool this server does not have is refused with -32602 and makes no task", async () => {
    const { url, app } = await createPublishedApp(h.endpoint, h.llm);
    const headers = await initialize(url);
    const { body } = await rpc(url, { method: "tools/call", params: { name: "nope", arguments: {}, task: {} } }, headers);
    expect(body.error).toMatchObject({ code: -32602, message: expect.stringContaining('Unknown tool "nope"') });
    expect(await (await getDb()).select().from(mcpTasks).where(eq(mcpTasks.appId, app.id))).toEqual([]);
  });
});

describe("tasks/cancel", () => {
  it("stops the run (the model server sees its request aborted); the task stays cancelled and a second cancel is refused", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    const client = await connect(url);
    h.llm.script([{ text: "never", delayMs: 10_000 }]);
    const task = await startTask(client);
    await expect.poll(() => h.llm.requests.length).toBe(1);
    const cancelled = await client.experimental.tasks.cancelTask(task.taskId);
    expect(cancelled).toMatchObject({ taskId: task.taskId, status: "cancelled" });
    await expect.poll(() => h.llm.abortedRequests).toEqual([0]);
    await settleCallLogs();
    await expect.poll(async () => (await caller.publishedServers.listCalls({ appId: app.id })).items.find((l) => l.method === "tools/call")?.outcome).toBe("cancelled");
    expect((await client.experimental.tasks.getTask(task.taskId)).status).toBe("cancelled");
    await expect(client.experimental.tasks.cancelTask(task.taskId)).rejects.toMatchObject({ code: -32602 });
    const result = await client.request({ method: "tasks/result", params: { taskId: task.taskId } }, CallToolResultSchema);
    expect(result).toMatchObject({ isError: true, content: [{ type: "text", text: "The task was cancelled." }] });
  });
});

describe("who may see a task", () => {
  it("another client of the same server cannot read, wait for or cancel it", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    const owner = await connect(url);
    const stranger = await connect(url);
    h.llm.script([{ text: "mine", delayMs: 1_000 }]);
    const task = await startTask(owner);
    for (const method of ["tasks/get", "tasks/result", "tasks/cancel"]) {
      await expect(stranger.request({ method, params: { taskId: task.taskId } }, CallToolResultSchema.passthrough())).rejects.toMatchObject({ code: -32602, message: expect.stringContaining("No such task") });
    }
    expect((await waitForStatus(owner, task.taskId, "completed")).status).toBe("completed");
  });

  it("a caller with another key of the same server, or of another server, cannot read it", async () => {
    const { url, caller, app } = await createPublishedApp(h.endpoint, h.llm);
    await caller.publishedServers.setAccess({ appId: app.id, mode: "api_key" });
    const [keyA, keyB] = await Promise.all([caller.publishedServers.createKey({ appId: app.id, name: "A" }), caller.publishedServers.createKey({ appId: app.id, name: "B" })]);
    const asA = await initialize(url, { authorization: `Bearer ${keyA.key}` });
    h.llm.script([{ text: "secret" }]);
    const created = await rpc(url, { method: "tools/call", params: { ...query, task: {} } }, asA);
    const taskId = (created.body.result!.task as { taskId: string }).taskId;
    // B presents A's session id: the key still differs.
    const asB = { ...asA, authorization: `Bearer ${keyB.key}` };
    expect((await rpc(url, { method: "tasks/get", params: { taskId } }, asB)).body.error).toMatchObject({ code: -32602 });
    expect((await rpc(url, { method: "tasks/get", params: { taskId } }, asA)).body.result).toMatchObject({ taskId });
    const elsewhere = await createPublishedApp(h.endpoint, h.llm);
    expect((await rpc(elsewhere.url, { method: "tasks/get", params: { taskId } }, await initialize(elsewhere.url))).body.error).toMatchObject({ code: -32602 });
  });
});

describe("across instances", () => {
  it("a task started through one endpoint instance is read, finished and cancelled through another", async () => {
    const { url } = await createPublishedApp(h.endpoint, h.llm);
    const urlB = other.localUrl(url.replace(h.endpoint.origin, process.env.APP_URL!));
    const session = await initialize(url);
    h.llm.script([{ text: "Shared.", delayMs: 500 }, { text: "never", delayMs: 10_000 }]);
    const first = (await rpc(url, { method: "tools/call", params: { ...query, task: {} } }, session)).body.result!.task as { taskId: string };
    await expect.poll(async () => (await rpc(urlB, { method: "tasks/get", params: { taskId: first.taskId } }, session)).body.result?.status, { timeout: 15_000 }).toBe("completed");
    expect((await rpc(urlB, { method: "tasks/result", params: { taskId: first.taskId } }, session)).body.result).toMatchObject({ structuredContent: { answer: "Shared." } });

    const second = (await rpc(url, { method: "tools/call", params: { ...query, task: {} } }, session)).body.result!.task as { taskId: string };
    await expect.poll(() => h.llm.requests.length).toBe(2);
    expect((await rpc(urlB, { method: "tasks/cancel", params: { taskId: second.taskId } }, session)).body.result).toMatchObject({ status: "cancelled" });
    await expect.poll(() => h.llm.abortedRequests).toEqual([1]);
  });
});

describe("retention", () => {
  it("the cleanup removes tasks past their ttl, whose ids then answer as unknown", async () => {
    const { url, app } = await createPublishedApp(h.endpoint, h.llm);
    const client = await connect(url);
    h.llm.script([{ text: "Old." }]);
    const task = await startTask(client, 60_000);
    await waitForStatus(client, task.taskId, "completed");
    const db = await getDb();
    const [row] = await db.select().from(mcpTasks).where(eq(mcpTasks.idHash, hashToken(task.taskId)));
    expect(row).toMatchObject({ appId: app.id, status: "completed", request: null });
    // Nothing in the table gives the id away: only its hash is stored.
    expect(JSON.stringify(await db.execute(sql`select * from mcp_tasks`))).not.toContain(task.taskId);

    expect(await removeExpiredTasks()).toMatchObject({ removed: 0 });
    expect((await removeExpiredTasks({ now: new Date(Date.now() + 61_000) })).removed).toBeGreaterThanOrEqual(1);
    expect(await db.select().from(mcpTasks).where(eq(mcpTasks.idHash, hashToken(task.taskId)))).toEqual([]);
    await expect(client.experimental.tasks.getTask(task.taskId)).rejects.toMatchObject({ code: -32602 });
  });
});

describe("a run whose process died", () => {
  it("fails the task with a message saying so when its job comes back for a second attempt, and the first run's end cannot undo that", async () => {
    const { url, workspace } = await createPublishedApp(h.endpoint, h.llm);
    const client = await connect(url);
    h.llm.script([{ text: "late", delayMs: 1_500 }]);
    const task = await startTask(client);
    await expect.poll(() => h.llm.requests.length).toBe(1);
    // What the queue does once the first attempt's heartbeat stops: the same job again, attempt 1.
    await runTaskJob({ id: "retry", data: { workspaceId: workspace.id, idHash: hashToken(task.taskId) }, attempt: 1, signal: new AbortController().signal });
    const failed = await client.experimental.tasks.getTask(task.taskId);
    expect(failed).toMatchObject({ status: "failed", statusMessage: expect.stringContaining("stopped before it finished") });
    await sleep(2_000);
    expect((await client.experimental.tasks.getTask(task.taskId)).status).toBe("failed");
    await expect(client.request({ method: "tasks/result", params: { taskId: task.taskId } }, CallToolResultSchema)).rejects.toMatchObject({ code: -32603 });
  });

  it("a task still queued when its server is turned off fails without running the app", async () => {
    const { workspace, app, caller } = await createPublishedApp(h.endpoint, h.llm);
    const [{ versionId }] = (await (await getDb()).select({ versionId: apps.publishedVersionId }).from(apps).where(eq(apps.id, app.id))) as [{ versionId: string }];
    const now = new Date();
    const idHash = hashToken("queued-task-id");
    await insertTask(await getDb(), {
      idHash,
      appId: app.id,
      workspaceId: workspace.id,
      versionId,
      ownerScope: "someone",
      jobId: crypto.randomUUID(),
      request: query,
      protocolVersion: "2025-11-25",
      ttlMs: 60_000,
      pollIntervalMs: 2_000,
      expiresAt: new Date(now.getTime() + 60_000),
    });
    await caller.publishedServers.disable({ appId: app.id });
    const before = h.llm.requests.length;
    await runTaskJob({ id: "queued", data: { workspaceId: workspace.id, idHash }, attempt: 0, signal: new AbortController().signal });
    const [row] = await (await getDb()).select().from(mcpTasks).where(eq(mcpTasks.idHash, idHash));
    expect(row).toMatchObject({ status: "failed", statusMessage: expect.stringContaining("turned its MCP server off"), request: null });
    expect(h.llm.requests.length).toBe(before);
  });
});

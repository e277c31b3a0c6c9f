// Published calls run as tasks on real `next start` processes of the suite's build, on a database of their own.
// With PostgreSQL and Redis: a task started on instance A is finished and cancelled through instance B, and a task
// whose instance is killed with SIGKILL mid-run ends "failed" on the other within the stated time (about
// jobRecoverySeconds, docs/mcp-endpoint.md "Tasks"). On the embedded database (one process): a task killed with its
// process is "failed" once the process is back. Never "working" forever.
import { expect, test } from "@playwright/test";
import { Agent, fetch as undiciFetch } from "undici";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { ownInstances, type OwnInstances } from "./own-instances";

const portA = Number(process.env.E2E_PORT ?? 3210) + 14;
const portB = portA + 1;
const baseA = `http://127.0.0.1:${portA}`;
const baseB = `http://127.0.0.1:${portB}`;
const shared = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
let llm: ScriptedLlm;
let instances: OwnInstances;

test.beforeAll(async () => {
  llm = await startScriptedLlm({ fallback: { text: "Sunny." } });
  instances = await ownInstances("tasks", { APP_URL: baseA, MCP_ALLOW_PRIVATE_NETWORK: "true" });
});
test.afterAll(async () => {
  await instances?.close();
  await llm.close();
});

const start = (port: number) => instances.start(port);
const stop = (port: number, signal: NodeJS.Signals) => instances.stop(port, signal);

/** A person with an owner key. The CLI opens the database itself: on PGlite, only while no server runs. */
function ownerKey(email: string) {
  instances.admin("user:create", "--email", email, "--password", "correct horse battery", "--workspace", "Tasks");
  return instances.admin("apikey:create", "--email", email, "--workspace", "Tasks", "--role", "owner").key as string;
}

/** A published chat app on the scripted model, made through the console API of instance A. */
async function publishApp(key: string) {
  const call = async <T>(procedure: string, input: unknown): Promise<T> => {
    const response = await post(`${baseA}/api/trpc/${procedure}`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify({ json: input }) });
    expect(response.status, await response.clone().text()).toBe(200);
    return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
  };
  const provider = await call<{ id: string }>("modelProviders.create", { kind: "openai_compatible", name: "Scripted", baseUrl: `${llm.url}/v1`, apiKey: "sk-tasks" });
  const app = await call<{ id: string }>("apps.create", { type: "chat", name: "Slow helper" });
  await call("apps.updateDraft", { id: app.id, draft: { model: { providerId: provider.id, model: "scripted-model" } } });
  await call("apps.publish", { id: app.id });
  const { url } = await call<{ url: string }>("publishedServers.enable", { appId: app.id, toolName: "slow_helper", toolDescription: "Takes its time." });
  return { urlA: url, urlB: url.replace(baseA, baseB) };
}

type Answer = { result?: Record<string, unknown> & { task?: { taskId: string; status: string } }; error?: { code: number; message: string } };
const headers = { "content-type": "application/json", accept: "application/json, text/event-stream" };

// `next start` closes idle kept-alive connections after 5 s, and a request that reuses one just then fails with
// "other side closed" (a retry once was not always enough on a busy machine): every request here gets a connection
// of its own.
const oneConnectionEach = new Agent({ pipelining: 0 });
function post(url: string, init: { method: string; headers: Record<string, string>; body: string }) {
  return undiciFetch(url, { ...init, dispatcher: oneConnectionEach });
}

async function session(url: string) {
  const response = await post(url, { method: "POST", headers, body: JSON.stringify({ jsonrpc: "2.0", id: 0, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "e2e", version: "1" } } }) });
  expect(response.status).toBe(200);
  return { ...headers, "mcp-protocol-version": "2025-11-25", "mcp-session-id": response.headers.get("mcp-session-id")! };
}

async function rpc(url: string, sessionHeaders: Record<string, string>, method: string, params: object): Promise<Answer> {
  const response = await post(url, { method: "POST", headers: sessionHeaders, body: JSON.stringify({ jsonrpc: "2.0", id: 1, method, params }) });
  return (await response.json()) as Answer;
}

const startTask = async (url: string, sessionHeaders: Record<string, string>) => {
  const answer = await rpc(url, sessionHeaders, "tools/call", { name: "slow_helper", arguments: { query: "Take your time." }, task: {} });
  expect(answer.result?.task?.status, JSON.stringify(answer)).toBe("working");
  return answer.result!.task!.taskId;
};
const status = async (url: string, sessionHeaders: Record<string, string>, taskId: string) => (await rpc(url, sessionHeaders, "tasks/get", { taskId })).result?.status;

if (shared) {
  test("a task started on one instance is finished, and another cancelled, through the other", async () => {
    test.setTimeout(180_000);
    await start(portA);
    await start(portB);
    const { urlA, urlB } = await publishApp(ownerKey("tasks-two@example.com"));
    const asClient = await session(urlA);

    llm.script([{ text: "Done on whichever.", delayMs: 1_000 }, { text: "never", delayMs: 120_000 }]);
    const first = await startTask(urlA, asClient);
    await expect.poll(() => status(urlB, asClient, first), { timeout: 30_000 }).toBe("completed");
    expect((await rpc(urlB, asClient, "tasks/result", { taskId: first })).result).toMatchObject({ structuredContent: { answer: "Done on whichever." } });

    const second = await startTask(urlA, asClient);
    await expect.poll(() => llm.requests.length, { timeout: 30_000 }).toBe(2);
    expect((await rpc(urlB, asClient, "tasks/cancel", { taskId: second })).result).toMatchObject({ status: "cancelled" });
    // Whichever instance runs it stops the model request: at once on B, at its next KV poll on A.
    await expect.poll(() => llm.abortedRequests, { timeout: 10_000 }).toEqual([1]);
    expect(await status(urlA, asClient, second)).toBe("cancelled");
  });

  test("a task whose instance is killed with SIGKILL mid-run ends failed on the other instance within 45 seconds", async () => {
    test.setTimeout(180_000);
    // Only A runs now, so A takes the job; B comes up after the kill and takes the job back.
    if (instances.isRunning(portB)) await stop(portB, "SIGTERM");
    if (!instances.isRunning(portA)) await start(portA);
    const { urlA, urlB } = await publishApp(ownerKey("tasks-kill@example.com"));
    const asClient = await session(urlA);
    const before = llm.requests.length;
    llm.script([{ text: "never", delayMs: 120_000 }]);
    const taskId = await startTask(urlA, asClient);
    await expect.poll(() => llm.requests.length, { timeout: 30_000 }).toBe(before + 1);

    await stop(portA, "SIGKILL");
    const killedAt = Date.now();
    await start(portB);
    await expect.poll(() => status(urlB, asClient, taskId), { timeout: 45_000, intervals: [1_000] }).toBe("failed");
    console.info(`[e2e:tasks] the killed task was failed ${Math.round((Date.now() - killedAt) / 1000)} s after the kill`);
    const got = await rpc(urlB, asClient, "tasks/get", { taskId });
    expect(got.result?.statusMessage).toMatch(/stopped before it finished/);
    // The retry did not call the model again: the run is not repeated behind the caller's back.
    expect(llm.requests.length).toBe(before + 1);
  });
} else {
  test("a task killed with its only process (embedded database) is failed once the process is back", async () => {
    test.setTimeout(180_000);
    const key = ownerKey("tasks-embedded@example.com");
    await start(portA);
    const { urlA } = await publishApp(key);
    const asClient = await session(urlA);
    llm.script([{ text: "never", delayMs: 120_000 }]);
    const taskId = await startTask(urlA, asClient);
    await expect.poll(() => llm.requests.length, { timeout: 30_000 }).toBe(1);
    await stop(portA, "SIGKILL");
    await start(portA);
    await expect.poll(() => status(urlA, asClient, taskId), { timeout: 20_000 }).toBe("failed");
  });
}

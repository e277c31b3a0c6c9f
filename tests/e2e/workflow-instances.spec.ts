// A workflow run survives the process running it: real `next start` processes on a database of their own, a run
// killed with SIGKILL in its second model step resumes on another instance (PostgreSQL + Redis) or on the restarted
// one (embedded database) from the last finished node. The finished node is not run again, the interrupted one is,
// and the final result is stored once.
import { expect, test } from "@playwright/test";
import { Agent, fetch as undiciFetch } from "undici";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { ownInstances, type OwnInstances } from "./own-instances";

const portA = Number(process.env.E2E_PORT ?? 3210) + 24;
const portB = portA + 1;
const shared = Boolean(process.env.DATABASE_URL && process.env.REDIS_URL);
let llm: ScriptedLlm;
let instances: OwnInstances;

test.beforeAll(async () => {
  llm = await startScriptedLlm();
  instances = await ownInstances("workflows", { APP_URL: `http://127.0.0.1:${portA}`, MCP_ALLOW_PRIVATE_NETWORK: "true" });
});
test.afterAll(async () => {
  await instances?.close();
  await llm?.close();
});

// A connection per request: `next start` closes idle kept-alive ones after 5 s (task-instances.spec.ts).
const oneConnectionEach = new Agent({ pipelining: 0 });

function console(port: number, key: string) {
  return async <T>(procedure: string, input: unknown, method: "GET" | "POST" = "POST"): Promise<T> => {
    const base = `http://127.0.0.1:${port}/api/trpc/${procedure}`;
    const url = method === "GET" ? `${base}?input=${encodeURIComponent(JSON.stringify({ json: input }))}` : base;
    const response = await undiciFetch(url, {
      method,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      ...(method === "POST" ? { body: JSON.stringify({ json: input }) } : {}),
      dispatcher: oneConnectionEach,
    });
    expect(response.status, await response.clone().text()).toBe(200);
    return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
  };
}

type NodeRun = { nodeId: string; status: string; startedAt: string; outputs: Record<string, unknown> | null };
type Run = { status: string; outputs: Record<string, unknown> | null; conversationId: string; nodeRuns: NodeRun[] };

test("a workflow run killed mid-step resumes from its last finished node, and its result is stored once", async () => {
  test.setTimeout(180_000);
  // The CLI opens the database itself: on PGlite, only while no instance runs.
  const email = "workflow-kill@example.com";
  instances.admin("user:create", "--email", email, "--password", "correct horse battery", "--workspace", "Flows");
  const key = instances.admin("apikey:create", "--email", email, "--workspace", "Flows", "--role", "owner").key as string;
  await instances.start(portA);
  const onA = console(portA, key);
  const provider = await onA<{ id: string }>("modelProviders.create", { kind: "openai_compatible", name: "Scripted", baseUrl: `${llm.url}/v1`, apiKey: "sk-flows" });
  const app = await onA<{ id: string }>("apps.create", { type: "workflow", name: "Two steps" });
  const model = { providerId: provider.id, model: "scripted-model" };
  const node = (id: string, type: string, data: object) => ({ id, type, title: id, position: { x: 0, y: 0 }, parentId: null, data });
  const workflow = {
    nodes: [
      node("start", "start", {}),
      node("first", "llm", { model, prompt: "Outline {{start.topic}}" }),
      node("second", "llm", { model, prompt: "Expand: {{first.text}}" }),
      node("end", "end", { outputs: [{ name: "outline", type: "string", value: "first.text" }, { name: "essay", type: "string", value: "second.text" }] }),
    ],
    edges: [
      { id: "1", source: "start", target: "first", sourceHandle: null },
      { id: "2", source: "first", target: "second", sourceHandle: null },
      { id: "3", source: "second", target: "end", sourceHandle: null },
    ],
  };
  await onA("apps.updateDraft", { id: app.id, draft: { variables: [{ key: "topic", label: "Topic", type: "text", required: true }], workflow } });

  // The first step answers at once; the second never does on A; its second attempt (after the kill) answers.
  llm.script([{ text: "Outline." }, { text: "never", delayMs: 120_000 }, { text: "Essay." }]);
  const { runId } = await onA<{ runId: string }>("workflows.runDraft", { appId: app.id, inputs: { topic: "rivers" } });
  await expect.poll(() => llm.requests.length, { timeout: 30_000 }).toBe(2);
  const before = await onA<Run>("workflows.getRun", { runId }, "GET");
  const firstBefore = before.nodeRuns.find((n) => n.nodeId === "first")!;
  expect(firstBefore).toMatchObject({ status: "completed", outputs: { text: "Outline." } });

  await instances.stop(portA, "SIGKILL");
  const resumer = shared ? portB : portA;
  await instances.start(resumer);
  const there = console(resumer, key);
  await expect.poll(async () => (await there<Run>("workflows.getRun", { runId }, "GET")).status, { timeout: 60_000, intervals: [1_000] }).toBe("completed");

  const after = await there<Run>("workflows.getRun", { runId }, "GET");
  expect(after.outputs).toEqual({ outline: "Outline.", essay: "Essay." });
  // The finished step kept its record and was not asked again; the interrupted one ran once more.
  expect(after.nodeRuns.find((n) => n.nodeId === "first")!.startedAt).toBe(firstBefore.startedAt);
  expect(llm.requests.length).toBe(3);
  expect(after.nodeRuns.map((n) => n.nodeId).sort()).toEqual(["end", "first", "second", "start"]);
  // Stored once: the conversation holds one question and one answer, the answer being the run's result.
  const conversation = await there<{ messages: Array<{ role: string; content: string; status: string }> }>("conversations.get", { appId: app.id, id: after.conversationId }, "GET");
  expect(conversation.messages.map((m) => [m.role, m.status])).toEqual([
    ["user", "completed"],
    ["assistant", "completed"],
  ]);
  expect(JSON.parse(conversation.messages[1]!.content)).toEqual({ outline: "Outline.", essay: "Essay." });
});

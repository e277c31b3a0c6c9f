// A server process killed with SIGKILL in the middle of a run, then started again: the conversation keeps its
// question and shows the answer as interrupted, not running. The instance here is our own `next start` of the
// suite's build, on its own database, so killing it leaves the suite's server alone.
import { expect, test } from "@playwright/test";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { ownInstances, type OwnInstances } from "./own-instances";

const port = Number(process.env.E2E_PORT ?? 3210) + 10;
const base = `http://127.0.0.1:${port}`;
let llm: ScriptedLlm;
let instances: OwnInstances;

test.beforeAll(async () => {
  // The model sends its first words and then nothing: the run is mid-answer for as long as the test needs.
  llm = await startScriptedLlm({ fallback: { text: "Once upon a time", stallAfterText: true }, keepRequests: false });
  instances = await ownInstances("crash", {
    APP_URL: base,
    // The scripted model listens on loopback, which production refuses by default.
    MCP_ALLOW_PRIVATE_NETWORK: "true",
    // Short, so that on PostgreSQL the dead run's lease lapses within seconds of the restart.
    RUN_LEASE_SECONDS: "3",
  });
});
test.afterAll(async () => {
  await instances?.close();
  await llm.close();
});

test("a run whose server is killed with SIGKILL shows as interrupted after the restart, its question kept", async () => {
  test.setTimeout(120_000);
  instances.admin("user:create", "--email", "crash@example.com", "--password", "correct horse battery", "--workspace", "Crash");
  const { key } = instances.admin("apikey:create", "--email", "crash@example.com", "--workspace", "Crash", "--role", "owner");
  const headers = { authorization: `Bearer ${key}`, "content-type": "application/json" };
  const call = async <T>(procedure: string, input: unknown): Promise<T> => {
    const response = await fetch(`${base}/api/trpc/${procedure}`, { method: "POST", headers, body: JSON.stringify({ json: input }) });
    expect(response.status, await response.clone().text()).toBe(200);
    return (await response.json()).result.data.json as T;
  };
  const conversation = async (appId: string, id: string) => {
    const input = encodeURIComponent(JSON.stringify({ json: { appId, id } }));
    const response = await fetch(`${base}/api/trpc/conversations.get?input=${input}`, { headers });
    return (await response.json()).result.data.json as { messages: { role: string; content: string; status: string; error: string | null }[] };
  };

  await instances.start(port);
  const provider = await call<{ id: string }>("modelProviders.create", { kind: "openai_compatible", name: "Scripted", baseUrl: `${llm.url}/v1`, apiKey: "sk-crash" });
  const app = await call<{ id: string }>("apps.create", { type: "chat", name: "Storyteller" });
  await call("apps.updateDraft", { id: app.id, draft: { instructions: "Tell stories.", model: { providerId: provider.id, model: "scripted-model" } } });

  // Debug & Preview, read until the model's first words arrive: the answer is stored and running.
  const preview = await fetch(`${base}/api/apps/${app.id}/preview`, { method: "POST", headers, body: JSON.stringify({ query: "A story, please." }) });
  const reader = preview.body!.pipeThrough(new TextDecoderStream()).getReader();
  let text = "";
  while (!text.includes('"text-delta"')) {
    const { value, done } = await reader.read();
    expect(done, text).toBe(false);
    text += value;
  }
  const conversationId = (JSON.parse(text.split("\n")[0]!) as { conversationId: string }).conversationId;
  // A live run outlasts its first lease: its process renews it, so no sweep takes it for dead.
  await new Promise((resolve) => setTimeout(resolve, 4_500));
  expect((await conversation(app.id, conversationId)).messages.map((m) => m.status)).toEqual(["completed", "running"]);

  await instances.stop(port, "SIGKILL");
  await reader.cancel().catch(() => {});

  await instances.start(port);
  await expect
    .poll(async () => (await conversation(app.id, conversationId)).messages.map((m) => m.status), { timeout: 20_000 })
    .toEqual(["completed", "interrupted"]);
  const [question, answer] = (await conversation(app.id, conversationId)).messages;
  expect(question).toMatchObject({ role: "user", content: "A story, please." });
  expect(answer!.error).toMatch(/server stopped while this answer was being written/);
});

// The LLM node against a real OpenAI-compatible server (the scripted model): its prompt from earlier outputs, a
// chatflow's memory before it, a JSON answer checked against the node's schema, usage, model errors and a stop.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runLlm } from "@/server/workflows/nodes/llm";
import { NodeError } from "@/server/workflows/nodes/node-executor";
import { callerAs, createOwner } from "../support/fixtures";
import { nodeContext, nodeOf } from "../support/node-context";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";

let llm: ScriptedLlm;
let workspaceId: string;
let providerId: string;
beforeAll(async () => {
  llm = await startScriptedLlm();
  const { user, workspace } = await createOwner("llm-node");
  workspaceId = workspace.id;
  const provider = await callerAs(user.id, workspace.id).modelProviders.create({
    kind: "openai_compatible",
    name: "Scripted",
    baseUrl: `${llm.url}/v1`,
    apiKey: "sk-test-node-key",
  });
  providerId = provider.id;
});
afterAll(() => llm.close());

const llmNode = (data: Record<string, unknown>) => nodeOf("llm", { model: { providerId, model: "scripted-model" }, ...data });
const weather = { type: "object", properties: { city: { type: "string" }, celsius: { type: "number" } }, required: ["city", "celsius"] };

describe("LLM node", () => {
  it("sends the system text and the prompt filled from earlier outputs, after the chatflow's memory, and outputs the answer and usage", async () => {
    llm.script([{ text: "Oslo is rainy today." }]);
    const ctx = nodeContext({
      workspaceId,
      outputs: { start: { city: "Oslo" }, http_1: { json: { temp: 9 } } },
      history: [
        { role: "user", content: "Hi, I plan a trip." },
        { role: "assistant", content: "Where to?" },
      ],
    });
    const result = await runLlm(llmNode({ system: "You describe weather.", prompt: "Weather in {{start.city}}: {{http_1.json}}" }), ctx);
    expect(result.outputs).toEqual({ text: "Oslo is rainy today." });
    expect(result.usage).toEqual({ inputTokens: 11, outputTokens: 7 });
    expect(result.inputs).toMatchObject({ system: "You describe weather.", prompt: 'Weather in Oslo: {"temp":9}', memory: 2 });
    expect(llm.requests.at(-1)!.messages).toEqual([
      { role: "system", content: "You describe weather." },
      { role: "user", content: "Hi, I plan a trip." },
      { role: "assistant", content: "Where to?" },
      { role: "user", content: 'Weather in Oslo: {"temp":9}' },
    ]);
  });

  it("with a JSON schema, asks for JSON and outputs the parsed object beside the text", async () => {
    llm.script([{ text: '{"city":"Oslo","celsius":9}' }]);
    const result = await runLlm(llmNode({ prompt: "Weather in Oslo as JSON", jsonSchema: weather }), nodeContext({ workspaceId }));
    expect(result.outputs).toEqual({ text: '{"city":"Oslo","celsius":9}', json: { city: "Oslo", celsius: 9 } });
    const sent = llm.requests.at(-1)!;
    expect(JSON.stringify(sent.response_format)).toMatch(/json/);
    // Also in words, for providers that take "JSON" without a schema.
    expect(sent.messages[0]).toEqual({ role: "system", content: `Answer with one JSON value only, matching this JSON Schema:\n${JSON.stringify(weather)}` });
  });

  it("a JSON answer that does not match the schema fails the node, saying where it differs", async () => {
    llm.script([{ text: '{"city":"Oslo","celsius":"cold"}' }]);
    const failure = await runLlm(llmNode({ prompt: "Weather", jsonSchema: weather }), nodeContext({ workspaceId })).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NodeError);
    expect((failure as Error).message).toMatch(/^The model's JSON answer does not match its schema: \/celsius must be number\./);
  });

  it("an answer that is not JSON at all fails the node with what the model said", async () => {
    llm.script([{ text: "Sorry, I cannot do that." }]);
    await expect(runLlm(llmNode({ prompt: "Weather", jsonSchema: weather }), nodeContext({ workspaceId }))).rejects.toThrow(
      /did not answer with JSON \(it said: "Sorry, I cannot do that\."\)/,
    );
  });

  it("a provider's refusal is described with what to check, never the key", async () => {
    llm.script([{ status: 401, errorBody: { error: { message: "Incorrect API key provided: sk-test-node-key", type: "invalid_request_error" } } }]);
    const failure = (await runLlm(llmNode({ prompt: "Hi" }), nodeContext({ workspaceId })).catch((e: unknown) => e)) as Error;
    expect(failure).toBeInstanceOf(NodeError);
    expect(failure.message).toMatch(/^The model provider answered 401: .*Check the model provider's API key in Settings\.$/);
    expect(failure.message).not.toContain("sk-test-node-key");
  });

  it("a node without a model, or with an empty prompt, fails before calling anything", async () => {
    const before = llm.requests.length;
    await expect(runLlm(nodeOf("llm", { prompt: "Hi" }), nodeContext({ workspaceId }))).rejects.toThrow("Choose a model for this node.");
    await expect(runLlm(llmNode({ prompt: "{{start.missing}}" }), nodeContext({ workspaceId }))).rejects.toThrow(/The prompt is empty/);
    await expect(runLlm(nodeOf("llm", { model: { providerId: "gone", model: "m" }, prompt: "Hi" }), nodeContext({ workspaceId }))).rejects.toThrow(/provider was removed/);
    expect(llm.requests.length).toBe(before);
  });

  it("stopping the run stops the model call, and the stop is not reported as the node's failure", async () => {
    llm.script([{ text: "Too late.", delayMs: 5_000 }]);
    const stop = new AbortController();
    const running = runLlm(llmNode({ prompt: "Take your time" }), nodeContext({ workspaceId, signal: stop.signal }));
    setTimeout(() => stop.abort(), 200);
    const failure = await running.catch((e: unknown) => e);
    expect(failure).not.toBeInstanceOf(NodeError);
    await expect.poll(() => llm.abortedRequests.length).toBe(1);
  });
});

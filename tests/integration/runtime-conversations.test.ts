import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getConversation } from "@/server/db/queries/conversations";
import { getDb } from "@/server/db";
import { createTestApp, runTestApp } from "../support/runtime";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";

let llm: ScriptedLlm;
beforeEach(async () => {
  llm = await startScriptedLlm();
});
afterEach(() => llm.close());

describe("conversations and prompts", () => {
  it("a chat app continues a conversation: the second request carries the earlier turns", async () => {
    const app = await createTestApp("chat", { instructions: "You are a friendly assistant." });
    llm.script([{ text: "Nice to meet you, Ada." }, { text: "Your name is Ada." }]);
    const first = await runTestApp(app, llm, { query: "My name is Ada." });
    const second = await runTestApp(app, llm, { query: "What is my name?", conversationId: first.result.conversationId });

    expect(second.result).toMatchObject({ conversationId: first.result.conversationId, status: "completed", answer: "Your name is Ada." });
    expect(llm.requests[1]!.messages).toEqual([
      { role: "system", content: "You are a friendly assistant." },
      { role: "user", content: "My name is Ada." },
      { role: "assistant", content: "Nice to meet you, Ada." },
      { role: "user", content: "What is my name?" },
    ]);
    // Chat apps answer from the conversation alone: no tools are ever offered.
    expect(llm.requests.map((r) => r.tools)).toEqual([undefined, undefined]);
    const stored = await getConversation(await getDb(), { workspaceId: app.workspace.id, appId: app.app.id, id: first.result.conversationId });
    expect(stored!.messages.map((m) => [m.role, m.content])).toEqual([
      ["user", "My name is Ada."],
      ["assistant", "Nice to meet you, Ada."],
      ["user", "What is my name?"],
      ["assistant", "Your name is Ada."],
    ]);
  });

  it("a completion app renders its template from the inputs and sends it as a one-shot request", async () => {
    const app = await createTestApp("completion", {
      instructions: "Write a {{tone}} haiku about {{topic}} in {{count}} lines.{{missing}}\nContext: {{context}}",
      variables: [
        { key: "topic", label: "Topic", type: "text", required: true },
        { key: "tone", label: "Tone", type: "select", options: ["calm", "stormy"], default: "calm" },
        { key: "count", label: "Lines", type: "number" },
        { key: "context", label: "Context", type: "json" },
      ],
    });
    llm.script([{ text: "Soft rain on the roof" }, { text: "Second" }]);
    const { result } = await runTestApp(app, llm, { query: "", inputs: { topic: "rain", count: "3", context: '{"place":"Oslo"}', ignored: "x" } });
    const again = await runTestApp(app, llm, { query: "", inputs: { topic: "snow" }, conversationId: result.conversationId });

    expect(llm.requests[0]!.messages).toEqual([
      { role: "user", content: 'Write a calm haiku about rain in 3 lines.\nContext: {\n  "place": "Oslo"\n}' },
    ]);
    expect(result).toMatchObject({ status: "completed", answer: "Soft rain on the roof" });
    expect(llm.requests[1]!.messages).toHaveLength(1);
    expect(again.result.conversationId).not.toBe(result.conversationId);
    const stored = await getConversation(await getDb(), { workspaceId: app.workspace.id, appId: app.app.id, id: result.conversationId });
    expect(stored!.inputs).toEqual({ topic: "rain", tone: "calm", count: 3, context: { place: "Oslo" } });
  });
});

// What of a tool's result reaches the model: images as images for models that see (after the tool message for
// OpenAI-style APIs, inside the tool_result for Anthropic), a short note for models that do not, and long text cut
// with a note while the stored trace keeps the whole result.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getConversation } from "@/server/db/queries/conversations";
import { getDb } from "@/server/db";
import { createLanguageModel } from "@/server/llm/get-language-model";
import { longText, redSquare } from "../support/rich-result-tools";
import { createTestApp, runTestApp } from "../support/runtime";
import { useRuntimeHarness } from "../support/runtime-harness";
import { startScriptedAnthropic, type ScriptedAnthropic } from "../support/scripted-anthropic";
import type { ChatRequestBody } from "../support/scripted-llm";

const runtime = useRuntimeHarness({ richResults: true });

const toolMessage = (body: ChatRequestBody) => body.messages.find((m) => m.role === "tool")!;

async function storedCalls(app: Awaited<ReturnType<typeof createTestApp>>, conversationId: string) {
  const stored = await getConversation(await getDb(), { workspaceId: app.workspace.id, appId: app.app.id, id: conversationId });
  return stored!.messages[1]!.toolCalls;
}

describe.each([{ streaming: true }, { streaming: false }])("rich tool results (streaming: $streaming)", ({ streaming }) => {
  it("a vision model on an OpenAI-compatible API gets the MCP tool's image as an image part after the tool message", async () => {
    const app = await createTestApp("agent");
    runtime.llm.script([{ toolCalls: [{ name: "test__picture", arguments: {} }] }, { text: "A red square." }]);
    const { result } = await runTestApp(app, runtime.llm, { query: "Show me", tools: runtime.tools, streaming, toolImages: "user-message" });

    expect(result.status).toBe("completed");
    const second = runtime.llm.requests[1]!;
    const at = second.messages.findIndex((m) => m.role === "tool");
    expect(second.messages[at]!.content).toBe("A red square.\n[1 image: shown in the next user message]");
    expect(second.messages[at + 1]).toEqual({
      role: "user",
      content: [
        { type: "text", text: "Images returned by test__picture (call call_1_1):" },
        { type: "image_url", image_url: { url: `data:image/png;base64,${redSquare}` } },
      ],
    });
    // Nowhere as text: the base64 travels once, as the image.
    expect(JSON.stringify(second).split(redSquare)).toHaveLength(2);
    const [call] = await storedCalls(app, result.conversationId);
    expect(call!.result).toMatchObject({ content: [{ type: "text" }, { type: "image", data: redSquare, mimeType: "image/png" }] });
  });

  it("a model that cannot see gets a placeholder with the image's type and size, and no base64", async () => {
    const app = await createTestApp("agent");
    runtime.llm.script([{ toolCalls: [{ name: "test__picture", arguments: {} }] }, { text: "I cannot see it." }]);
    const { result } = await runTestApp(app, runtime.llm, { query: "Show me", tools: runtime.tools, streaming, toolImages: "none" });

    expect(result.status).toBe("completed");
    const bytes = Buffer.from(redSquare, "base64").length;
    expect(toolMessage(runtime.llm.requests[1]!).content).toBe(`A red square.\n[image/png image, ${bytes} B, not shown: this model does not take images]`);
    expect(JSON.stringify(runtime.llm.requests[1])).not.toContain(redSquare.slice(0, 40));
    expect(runtime.llm.requests[1]!.messages.filter((m) => m.role === "user")).toHaveLength(1);
  });

  it("audio, resources and resource links are kept in the trace as they came; the model reads them as short text", async () => {
    const app = await createTestApp("agent");
    runtime.llm.script([{ toolCalls: [{ name: "test__attachments", arguments: {} }] }, { text: "Noted." }]);
    const { result } = await runTestApp(app, runtime.llm, { query: "Attachments", tools: runtime.tools, streaming, toolImages: "user-message" });

    const sent = toolMessage(runtime.llm.requests[1]!).content as string;
    expect(sent.split("\n")).toEqual([
      expect.stringMatching(/^\[audio\/wav audio, 844 B, not sent: the model does not take audio from tools\]$/),
      "Resource file:///notes/today.md (text/markdown):",
      "# Today",
      "Buy milk.",
      'Resource link https://example.com/report.pdf "Quarterly report" (application/pdf)',
      'Resource link javascript:alert(document.cookie) "Hostile link"',
    ]);
    const [call] = await storedCalls(app, result.conversationId);
    expect(call!.result).toMatchObject({
      content: [
        { type: "audio", mimeType: "audio/wav", data: expect.stringMatching(/^UklGR/) },
        { type: "resource", resource: { uri: "file:///notes/today.md", text: "# Today\nBuy milk." } },
        { type: "resource_link", uri: "https://example.com/report.pdf", name: "Quarterly report", mimeType: "application/pdf" },
        { type: "resource_link", uri: "javascript:alert(document.cookie)", name: "Hostile link" },
      ],
    });
  });

  it("a long result is cut to the run's cap with a note, and the trace keeps all of it", async () => {
    const app = await createTestApp("agent");
    runtime.llm.script([{ toolCalls: [{ name: "test__long_text", arguments: { chars: 5_000 } }] }, { text: "Done." }]);
    const { result } = await runTestApp(app, runtime.llm, { query: "Digits", tools: runtime.tools, streaming, toolResultMaxChars: 1_200 });

    expect(toolMessage(runtime.llm.requests[1]!).content).toBe(`${longText(1_200)}\n[truncated: 3,800 more characters; the full result is in the trace]`);
    const [call] = await storedCalls(app, result.conversationId);
    expect(call!.result).toEqual(expect.objectContaining({ content: [{ type: "text", text: longText(5_000) }] }));
  });

  it("without an override the cap is TOOL_RESULT_MAX_CHARS, 20,000 by default", async () => {
    const app = await createTestApp("agent");
    runtime.llm.script([{ toolCalls: [{ name: "test__long_text", arguments: { chars: 20_000 } }, { name: "test__long_text", arguments: { chars: 20_001 } }] }, { text: "Done." }]);
    await runTestApp(app, runtime.llm, { query: "Digits", tools: runtime.tools, streaming });

    const [whole, cut] = runtime.llm.requests[1]!.messages.filter((m) => m.role === "tool");
    expect(whole!.content).toBe(longText(20_000));
    expect(cut!.content).toBe(`${longText(20_000)}\n[truncated: 1 more characters; the full result is in the trace]`);
  });
});

describe("rich tool results on Anthropic", () => {
  let anthropic: ScriptedAnthropic;
  beforeAll(async () => {
    anthropic = await startScriptedAnthropic();
  });
  afterAll(() => anthropic.close());

  it("a vision model gets the image inside its tool_result, as an image block", async () => {
    const app = await createTestApp("agent");
    anthropic.script([{ toolUse: { name: "test__picture", input: {} } }, { text: "Red." }]);
    const model = createLanguageModel({ kind: "anthropic", name: "Anthropic", baseUrl: `${anthropic.url}/v1`, apiKey: "sk-ant-test" }, "claude-test");
    const { result } = await runTestApp(app, runtime.llm, { query: "Show me", tools: runtime.tools, model, modelId: "claude-test", toolImages: "tool-result" });

    expect(result.status).toBe("completed");
    const last = anthropic.requests.at(-1)!.messages.at(-1) as { role: string; content: Array<{ type: string; content?: unknown }> };
    const toolResult = last.content.find((block) => block.type === "tool_result")!;
    expect(toolResult.content).toEqual([
      expect.objectContaining({ type: "text", text: "A red square." }),
      expect.objectContaining({ type: "image", source: { type: "base64", media_type: "image/png", data: redSquare } }),
    ]);
  });
});

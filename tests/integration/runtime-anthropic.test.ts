// The runtime over Anthropic's own protocol (the @ai-sdk/anthropic package): a tool round and an answer, streamed
// or asked for whole.
import type { Connection } from "@/server/mcp/client/connect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RuntimeTool } from "@/server/agent/runtime-tool";
import { createLanguageModel } from "@/server/llm/get-language-model";
import { connectTestTools, createTestApp, runTestApp } from "../support/runtime";
import { startScriptedAnthropic, type ScriptedAnthropic } from "../support/scripted-anthropic";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";

let anthropic: ScriptedAnthropic;
let unused: ScriptedLlm;
let mcp: TestMcpServer;
let client: Connection;
let tools: RuntimeTool[];

beforeAll(async () => {
  [anthropic, unused, mcp] = await Promise.all([startScriptedAnthropic(), startScriptedLlm(), startTestMcpServer()]);
  ({ client, tools } = await connectTestTools(mcp));
});
afterAll(async () => {
  await client.close();
  await Promise.all([anthropic.close(), unused.close(), mcp.close()]);
});

describe.each([{ streaming: true }, { streaming: false }])("an agent on Anthropic (streaming: $streaming)", ({ streaming }) => {
  it("calls a tool, gets its result back as a tool_result, and answers", async () => {
    const app = await createTestApp("agent", { instructions: "Be brief." });
    anthropic.script([{ text: "Adding.", toolUse: { name: "test__add", input: { a: 2, b: 3 } } }, { text: "2 + 3 = 5." }]);
    const model = createLanguageModel({ kind: "anthropic", name: "Anthropic", baseUrl: `${anthropic.url}/v1`, apiKey: "sk-ant-test" }, "claude-test");
    const { result, events } = await runTestApp(app, unused, { query: "2+3?", tools, model, modelId: "claude-test", streaming });

    expect(result).toMatchObject({ status: "completed", answer: "Adding.\n\n2 + 3 = 5." });
    expect(result.usage).toEqual({ inputTokens: 26, outputTokens: 10 });
    expect(events.find((e) => e.type === "tool-call-finished")).toMatchObject({ name: "test__add", isError: false });
    expect(anthropic.headers.at(-2)!["x-api-key"]).toBe("sk-ant-test");
    expect(Boolean(anthropic.requests.at(-2)!.stream)).toBe(streaming);
    expect(anthropic.requests.at(-2)!.tools?.map((t) => t.name)).toContain("test__add");
    const toolResult = JSON.stringify(anthropic.requests.at(-1)!.messages.at(-1));
    expect(toolResult).toContain("tool_result");
    expect(toolResult).toContain(`toolu_${anthropic.requests.length - 1}`);
    expect(unused.requests).toHaveLength(0);
  });
});

import { describe, expect, it, vi } from "vitest";
import type { RunEvent } from "@/server/agent/run-events";
import type { RuntimeTool } from "@/server/agent/runtime-tool";
import { getConversation } from "@/server/db/queries/conversations";
import { getDb } from "@/server/db";
import { createTestApp, runTestApp } from "../support/runtime";
import { useRuntimeHarness } from "../support/runtime-harness";
import { scriptedUsage, type ChatRequestBody } from "../support/scripted-llm";

// Two tools a page, so every test also lists through nextCursor.
const runtime = useRuntimeHarness({ pageSize: 2 });

const toolMessages = (body: ChatRequestBody) => body.messages.filter((m) => m.role === "tool");

// Streamed for callers that pass events on live, asked for whole otherwise (a published tools/call without progress):
// both must store and report the same run.
describe.each([{ streaming: true }, { streaming: false }])("agent runtime (streaming: $streaming)", ({ streaming }) => {
  it("an agent calls two tools across two rounds, the results reach the model, and every step is stored", async () => {
    const app = await createTestApp("agent", { instructions: "You help the {{team}} team.", variables: [{ key: "team", label: "Team", type: "text" }] });
    runtime.llm.script([
      { text: "Let me check.", toolCalls: [{ name: "test__add", arguments: { a: 2, b: 3 } }] },
      { toolCalls: [{ name: "test__get_weather", arguments: { city: "Oslo" } }] },
      { text: "It is 18 °C in Oslo, and 2 + 3 = 5." },
    ]);
    const { result, events } = await runTestApp(app, runtime.llm, { query: "Weather in Oslo, and 2+3?", inputs: { team: "Ops" }, tools: runtime.tools, streaming });

    expect(runtime.llm.requests[0]!.messages[0]).toEqual({ role: "system", content: "You help the Ops team." });
    expect(runtime.llm.requests[0]!.tools?.map((t) => t.function.name)).toEqual(expect.arrayContaining(["test__add", "test__get_weather", "test__slow"]));
    expect(toolMessages(runtime.llm.requests[1]!)).toEqual([expect.objectContaining({ tool_call_id: "call_1_1", content: "5" })]);
    expect(toolMessages(runtime.llm.requests[2]!)[1]).toMatchObject({ tool_call_id: "call_2_1", content: expect.stringContaining("city: Oslo") });

    expect(result).toMatchObject({ status: "completed", answer: "Let me check.\n\nIt is 18 °C in Oslo, and 2 + 3 = 5.", roundLimitReached: false });
    expect(result.usage).toEqual({ inputTokens: 3 * scriptedUsage.prompt_tokens, outputTokens: 3 * scriptedUsage.completion_tokens });
    const order = events.filter((e) => e.type !== "text-delta").map((e) => ("name" in e ? `${e.type}:${e.name}` : "round" in e ? `${e.type}:${e.round}` : e.type));
    expect(order).toEqual([
      "started",
      "tool-call-started:test__add",
      "tool-call-finished:test__add",
      "round-finished:1",
      "tool-call-started:test__get_weather",
      "tool-call-finished:test__get_weather",
      "round-finished:2",
      "round-finished:3",
      "finished",
    ]);
    expect(events.filter((e) => e.type === "text-delta").map((e) => e.text).join("")).toBe(result.answer);

    const stored = await getConversation(await getDb(), { workspaceId: app.workspace.id, appId: app.app.id, id: result.conversationId });
    const [question, answer] = stored!.messages;
    expect(question).toMatchObject({ role: "user", content: "Weather in Oslo, and 2+3?" });
    expect(answer).toMatchObject({ id: result.messageId, status: "completed", content: result.answer, model: "scripted-model", usage: result.usage, error: null });
    expect(answer!.finishedAt).toBeInstanceOf(Date);
    expect(answer!.toolCalls).toEqual([
      expect.objectContaining({ round: 1, name: "test__add", callId: "call_1_1", arguments: { a: 2, b: 3 }, status: "completed", isError: false }),
      expect.objectContaining({ round: 2, name: "test__get_weather", arguments: { city: "Oslo" }, status: "completed" }),
    ]);
    expect(answer!.toolCalls[0]!.result).toMatchObject({ content: [{ type: "text", text: "5" }] });
    for (const call of answer!.toolCalls) expect(call.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("a failing tool, by error result or by throwing, reaches the model as an error and the run still answers", async () => {
    const explode: RuntimeTool = {
      name: "explode",
      description: "Throws.",
      inputSchema: { type: "object", properties: {} },
      execute: async () => {
        throw new Error("the local tool blew up");
      },
    };
    const app = await createTestApp("agent");
    runtime.llm.script([
      { toolCalls: [{ name: "test__fail", arguments: {} }, { name: "explode", arguments: {} }] },
      { text: "The weather service is down right now; try again later." },
    ]);
    const { result, events } = await runTestApp(app, runtime.llm, { query: "Weather?", tools: [...runtime.tools, explode], streaming });

    const [failed, thrown] = toolMessages(runtime.llm.requests[1]!);
    expect(failed!.content).toContain("The weather service is unavailable (upstream returned 503).");
    expect(thrown!.content).toContain("the local tool blew up");
    expect(result).toMatchObject({ status: "completed", answer: "The weather service is down right now; try again later." });
    const finished = events.filter((e) => e.type === "tool-call-finished");
    expect(finished).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "test__fail", isError: true, error: expect.stringContaining("unavailable") }),
        expect.objectContaining({ name: "explode", isError: true, error: "the local tool blew up" }),
      ]),
    );
    const stored = await getConversation(await getDb(), { workspaceId: app.workspace.id, appId: app.app.id, id: result.conversationId });
    expect(stored!.messages[1]!.toolCalls).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: "test__fail", status: "failed", isError: true, result: expect.objectContaining({ isError: true }) }),
        expect.objectContaining({ name: "explode", status: "failed", isError: true, error: "the local tool blew up" }),
      ]),
    );
  });

  it("the round limit stops a model that keeps calling tools, and the run completes noting the limit", async () => {
    const app = await createTestApp("agent", { maxToolRounds: 2 });
    const loop = () => ({ text: "Checking again.", toolCalls: [{ name: "test__echo", arguments: { text: "again" } }] });
    runtime.llm.script([loop, loop, loop, loop]);
    const { result, events } = await runTestApp(app, runtime.llm, { query: "Loop forever", tools: runtime.tools, streaming });

    expect(runtime.llm.requests).toHaveLength(3);
    expect(runtime.llm.requests[1]!.tools).toBeDefined();
    expect(runtime.llm.requests[2]!.tools).toBeUndefined();
    expect(result).toMatchObject({ status: "completed", roundLimitReached: true });
    expect(events.at(-1)).toMatchObject({ type: "finished", status: "completed", roundLimitReached: true });
    const stored = await getConversation(await getDb(), { workspaceId: app.workspace.id, appId: app.app.id, id: result.conversationId });
    const answer = stored!.messages[1]!;
    expect(answer).toMatchObject({ status: "completed", error: expect.stringContaining("Used all 2 tool rounds") });
    expect(answer.toolCalls.map((c) => [c.round, c.status])).toEqual([
      [1, "completed"],
      [2, "completed"],
      [3, "failed"],
    ]);
    expect(answer.toolCalls[2]!.error).toMatch(/limit of 2 tool rounds/);
  });
});

describe("agent runtime, streamed", () => {
  it("aborting during a slow tool call stops the run, cancels the call on the tool server, and keeps what was done", async () => {
    const app = await createTestApp("agent");
    runtime.llm.script([{ toolCalls: [{ name: "test__add", arguments: { a: 1, b: 1 } }] }, { toolCalls: [{ name: "test__slow", arguments: { ms: 15_000 } }] }]);
    const controller = new AbortController();
    const events: RunEvent[] = [];
    const started = Date.now();
    const { result } = await runTestApp(app, runtime.llm, {
      query: "Take your time",
      tools: runtime.tools,
      signal: controller.signal,
      onEvent: (event) => {
        events.push(event);
        if (event.type === "tool-call-started" && event.name === "test__slow") setTimeout(() => controller.abort(), 100);
      },
    });

    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.status).toBe("stopped");
    expect(events.at(-1)).toMatchObject({ type: "finished", status: "stopped" });
    // The call cut short is reported as stopped (Debug & Preview shows "Stopped", not an error); the finished one is not.
    const ends = events.filter((e) => e.type === "tool-call-finished");
    expect(ends.map((e) => [e.name, e.stopped ?? false])).toEqual([
      ["test__add", false],
      ["test__slow", true],
    ]);
    expect(runtime.llm.requests).toHaveLength(2);
    await vi.waitFor(() => expect(runtime.mcp.cancelled).toContain("slow"));
    const stored = await getConversation(await getDb(), { workspaceId: app.workspace.id, appId: app.app.id, id: result.conversationId });
    const answer = stored!.messages[1]!;
    expect(answer.status).toBe("stopped");
    expect(answer.finishedAt).toBeInstanceOf(Date);
    expect(answer.toolCalls.map((c) => [c.name, c.status])).toEqual([
      ["test__add", "completed"],
      ["test__slow", "stopped"],
    ]);
    expect(answer.toolCalls[1]!.durationMs).toBeLessThan(10_000);
  });
});

import { inspect } from "node:util";
import { describe, expect, it, vi } from "vitest";
import { createTestApp, dumpRuns, runTestApp, testApiKey } from "../support/runtime";
import { useRuntimeHarness } from "../support/runtime-harness";

const runtime = useRuntimeHarness();

const openAiError = (message: string, type: string, code: string) => ({ error: { message, type, param: null, code } });

describe("runtime failures", () => {
  // Streamed, or asked for whole (a published tools/call without progress): the same failure either way.
  it.each([
    [401, true, openAiError("Incorrect API key provided.", "invalid_request_error", "invalid_api_key")],
    [429, true, openAiError("Rate limit reached for requests.", "requests", "rate_limit_exceeded")],
    [500, true, openAiError("The server had an error while processing your request.", "server_error", "internal_error")],
    [401, false, openAiError("Incorrect API key provided.", "invalid_request_error", "invalid_api_key")],
    [500, false, openAiError("The server had an error while processing your request.", "server_error", "internal_error")],
  ])("a model answering %i fails the run with the provider's own message, stored on the answer and sent as an error event (streaming: %s)", async (status, streaming, body) => {
    const app = await createTestApp("chat");
    runtime.llm.script([{ status, errorBody: body }]);
    const { result, events } = await runTestApp(app, runtime.llm, { query: "Hello", maxRetries: 0, streaming });

    expect(result.status).toBe("failed");
    expect(result.error).toContain(`answered ${status}`);
    expect(result.error).toContain(body.error.message.replace(/\.$/, ""));
    expect(events.slice(-2)).toEqual([
      { type: "error", message: result.error },
      expect.objectContaining({ type: "finished", status: "failed" }),
    ]);
    const { messages } = await dumpRuns(app.workspace.id);
    expect(messages.find((m) => m.role === "assistant")).toMatchObject({ status: "failed", error: result.error });
    expect(messages.find((m) => m.role === "assistant")!.finishedAt).toBeInstanceOf(Date);
    expect(runtime.llm.requests).toHaveLength(1);
  });

  it.each([
    ["a malformed stream", { rawStream: "data: {not json\n\ndata: [DONE]\n\n" }, /model's answer could not be used|model call failed/, true],
    ["a stream that stalls", { text: "Half an", stallAfterFirstChunk: true }, /did not answer in time/, true],
    ["an answer asked for whole that is not JSON", { rawStream: "data: {not json\n\n" }, /answered 200: Invalid JSON/, false],
    ["an answer asked for whole that never comes", { text: "Late", delayMs: 5_000 }, /did not answer in time/, false],
  ])("%s fails the run with a clear error and leaves nothing running", async (_, turn, message, streaming) => {
    const app = await createTestApp("chat");
    runtime.llm.script([turn]);
    const { result, events } = await runTestApp(app, runtime.llm, { query: "Hello", maxRetries: 0, modelIdleMs: 300, streaming });

    expect(result.status).toBe("failed");
    expect(result.error).toMatch(message);
    expect(events.at(-1)).toMatchObject({ type: "finished", status: "failed" });
    const { messages } = await dumpRuns(app.workspace.id);
    expect(messages.map((m) => m.status)).toEqual(["completed", "failed"]);
  });

  it("the provider's API key never appears in events, stored rows or console output, even when the provider echoes it", async () => {
    const methods = ["log", "info", "warn", "error", "debug"] as const;
    const spies = methods.map((method) => vi.spyOn(console, method));
    try {
      const app = await createTestApp("agent");
      runtime.llm.script([
        { toolCalls: [{ name: "test__echo", arguments: { text: "hi" } }] },
        { text: "Done." },
        { status: 401, errorBody: openAiError(`Incorrect API key provided: ${testApiKey}. Find your key in the dashboard.`, "invalid_request_error", "invalid_api_key") },
      ]);
      const first = await runTestApp(app, runtime.llm, { query: "Echo hi", tools: runtime.tools });
      const second = await runTestApp(app, runtime.llm, { query: "Again", tools: runtime.tools, conversationId: first.result.conversationId, maxRetries: 0 });

      expect(first.result.status).toBe("completed");
      expect(second.result.status).toBe("failed");
      expect(second.result.error).toContain("Incorrect API key provided: [redacted]");
      const printed = spies.flatMap((spy) => spy.mock.calls.map((args) => args.map((arg) => inspect(arg, { depth: 10 })).join(" "))).join("\n");
      expect(printed).toContain("failed");
      const everything = [JSON.stringify(first.events), JSON.stringify(second.events), JSON.stringify(await dumpRuns(app.workspace.id)), printed];
      for (const text of everything) expect(text).not.toContain(testApiKey);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });

  it("inputs that break the app's form are refused naming the field, before anything is stored or sent to the model", async () => {
    const app = await createTestApp("completion", {
      instructions: "Write about {{topic}}.",
      variables: [
        { key: "topic", label: "Topic", type: "text", required: true, maxLength: 10 },
        { key: "tone", label: "Tone", type: "select", options: ["formal", "casual"] },
        { key: "count", label: "Count", type: "number", min: 1, max: 5 },
        { key: "extra", label: "Extra", type: "json" },
        { key: "place", label: "Place", type: "json", jsonSchema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] } },
      ],
    });
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{}, /"Topic" \(topic\) is required/],
      [{ topic: "far too long a topic" }, /"Topic" \(topic\) must be at most 10 characters/],
      [{ topic: 42 }, /"Topic" \(topic\) must be text/],
      [{ topic: "rain", tone: "angry" }, /"Tone" \(tone\) must be one of: formal, casual/],
      [{ topic: "rain", count: "9" }, /"Count" \(count\) must be at most 5/],
      [{ topic: "rain", count: "many" }, /"Count" \(count\) must be a number/],
      [{ topic: "rain", extra: "[1, 2]" }, /"Extra" \(extra\) must be a JSON object/],
      [{ topic: "rain", extra: "{not json" }, /"Extra" \(extra\) must be valid JSON/],
      [{ topic: "rain", place: { town: "Oslo" } }, /"Place" \(place\) does not match its schema: the object must have required property 'city'/],
      [{ topic: "rain", place: '{"city": 7}' }, /"Place" \(place\) does not match its schema: \/city must be string/],
    ];
    for (const [inputs, message] of cases) {
      await expect(runTestApp(app, runtime.llm, { query: "", inputs })).rejects.toMatchObject({ code: "bad_request:app_input", message: expect.stringMatching(message) });
    }
    expect(await dumpRuns(app.workspace.id)).toEqual({ conversations: [], messages: [], toolCalls: [] });
    expect(runtime.llm.requests).toHaveLength(0);
  });
});

// A tool that asks first (save_note) waits for the run's approver: approved runs it (as edited), denied never does and
// the model hears why, stopped while asking runs nothing; each decision is stored with the call.
import { beforeEach, describe, expect, it } from "vitest";
import type { ApprovalRequest, Approver } from "@/server/agent/tool-approval";
import { createTestApp, dumpRuns, runTestApp } from "../support/runtime";
import { useRuntimeHarness } from "../support/runtime-harness";
import type { ChatRequestBody } from "../support/scripted-llm";

const runtime = useRuntimeHarness();
beforeEach(() => {
  runtime.mcp.notes.length = 0;
});

const toolMessages = (body: ChatRequestBody) => body.messages.filter((m) => m.role === "tool");
const saveNote = (text: string) => ({ toolCalls: [{ name: "test__save_note", arguments: { text } }] });

describe.each([{ streaming: true }, { streaming: false }])("a tool that asks first (streaming: $streaming)", ({ streaming }) => {
  it("approved, it runs, the model sees its result, and the approval is stored", async () => {
    const app = await createTestApp("agent");
    const asked: ApprovalRequest[] = [];
    const approve: Approver = async (request) => {
      asked.push(request);
      return { decision: "approved", via: "preview", userId: app.user.id };
    };
    runtime.llm.script([saveNote("buy milk"), { text: "Saved." }]);
    const { result, events } = await runTestApp(app, runtime.llm, { query: "note it", tools: runtime.tools, streaming, approve });

    expect(result.status).toBe("completed");
    expect(runtime.mcp.notes).toEqual(["buy milk"]);
    expect(asked).toEqual([expect.objectContaining({ name: "test__save_note", title: "Save note", arguments: { text: "buy milk" } })]);
    expect(toolMessages(runtime.llm.requests[1]!)).toEqual([expect.objectContaining({ content: expect.stringContaining("buy milk") })]);
    const types = events.map((e) => e.type).filter((t) => t.startsWith("tool-"));
    expect(types).toEqual(["tool-call-started", "tool-approval-requested", "tool-approval-decided", "tool-call-finished"]);
    expect(events.find((e) => e.type === "tool-approval-requested")).toMatchObject({ title: "Save note", arguments: { text: "buy milk" } });
    const { toolCalls } = await dumpRuns(app.workspace.id);
    expect(toolCalls).toEqual([expect.objectContaining({ name: "test__save_note", status: "completed", approval: expect.objectContaining({ decision: "approved", via: "preview", userId: app.user.id }) })]);
    expect(Date.parse(toolCalls[0]!.approval!.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("denied, it never runs and the model's next request carries the refusal", async () => {
    const app = await createTestApp("agent");
    runtime.llm.script([saveNote("buy milk"), (body) => ({ text: `Refused: ${JSON.stringify(toolMessages(body))}` })]);
    const { result } = await runTestApp(app, runtime.llm, {
      query: "note it",
      tools: runtime.tools,
      streaming,
      approve: async () => ({ decision: "denied", via: "preview", userId: app.user.id }),
    });

    expect(result.status).toBe("completed");
    expect(runtime.mcp.notes).toEqual([]);
    expect(JSON.stringify(toolMessages(runtime.llm.requests[1]!))).toContain("Not run: the user refused this call.");
    const { toolCalls } = await dumpRuns(app.workspace.id);
    expect(toolCalls).toEqual([
      expect.objectContaining({ status: "failed", error: expect.stringContaining("refused"), approval: expect.objectContaining({ decision: "denied", userId: app.user.id }) }),
    ]);
  });

  it("approved with edited arguments, the edit is what runs and what the model sees", async () => {
    const app = await createTestApp("agent");
    runtime.llm.script([saveNote("buy milk"), { text: "Saved." }]);
    const { result, events } = await runTestApp(app, runtime.llm, {
      query: "note it",
      tools: runtime.tools,
      streaming,
      approve: async () => ({ decision: "approved", via: "preview", userId: app.user.id, editedArguments: { text: "buy oat milk" } }),
    });

    expect(result.status).toBe("completed");
    expect(runtime.mcp.notes).toEqual(["buy oat milk"]);
    const assistant = runtime.llm.requests[1]!.messages.find((m) => m.role === "assistant")!;
    expect(JSON.stringify(assistant.tool_calls)).toContain("buy oat milk");
    expect(JSON.stringify(assistant.tool_calls)).not.toContain('buy milk\\"');
    expect(events.find((e) => e.type === "tool-approval-decided")).toMatchObject({ decision: "approved", editedArguments: { text: "buy oat milk" } });
    const { toolCalls } = await dumpRuns(app.workspace.id);
    expect(toolCalls[0]!.approval).toMatchObject({ decision: "approved", editedArguments: { text: "buy oat milk" } });
  });

  it("stopped while asking, the run ends stopped with nothing run and no decision stored", async () => {
    const app = await createTestApp("agent");
    const controller = new AbortController();
    runtime.llm.script([saveNote("buy milk"), { text: "never asked for" }]);
    const approve: Approver = ({ signal }) =>
      new Promise((resolve) => {
        // The person presses Stop while the question is out.
        signal.addEventListener("abort", () => resolve({ decision: "denied", via: "preview", userId: null, reason: "The run was stopped." }));
        controller.abort();
      });
    const { result } = await runTestApp(app, runtime.llm, { query: "note it", tools: runtime.tools, streaming, approve, signal: controller.signal });

    expect(result.status).toBe("stopped");
    expect(runtime.mcp.notes).toEqual([]);
    expect(runtime.llm.requests).toHaveLength(1);
    const { toolCalls } = await dumpRuns(app.workspace.id);
    expect(toolCalls).toEqual([expect.objectContaining({ status: "stopped", approval: null })]);
  });
});

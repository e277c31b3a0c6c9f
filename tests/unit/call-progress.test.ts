// The progress of one published call: steps and a tool's own progress as messages, a heartbeat only in silences,
// and no timer left once the call ends (or for a task's job, which asks for none).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { progressHeartbeatMs, startCallProgress } from "@/server/mcp/server/call-progress";

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

function progressOf({ heartbeat = true } = {}) {
  const sent: Array<{ progress: number; message?: string }> = [];
  const notify = async (n: { params?: unknown }) => void sent.push(n.params as { progress: number; message?: string });
  const call = startCallProgress({ progressToken: "t", notify: notify as never, signal: new AbortController().signal, heartbeat });
  return { sent, call };
}

describe("call progress", () => {
  it("sends a heartbeat after each silence of the heartbeat time, and none once stopped", () => {
    const { sent, call } = progressOf();
    vi.advanceTimersByTime(progressHeartbeatMs - 1);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([{ progressToken: "t", progress: 1, message: "Still working (2 s)" }]);
    call.onEvent({ type: "tool-progress", callId: "c", name: "srv__op", progress: 2, total: 5 });
    vi.advanceTimersByTime(progressHeartbeatMs - 1);
    expect(sent.map((p) => p.message)).toEqual(["Still working (2 s)", "Tool srv__op: 2/5"]);
    call.stop();
    vi.advanceTimersByTime(progressHeartbeatMs * 5);
    expect(sent).toHaveLength(2);
  });

  it("a tool's message is preferred to its numbers; events that are not steps send nothing", () => {
    const { sent, call } = progressOf();
    call.onEvent({ type: "text-delta", text: "hi" });
    call.onEvent({ type: "tool-progress", callId: "c", name: "srv__op", progress: 1, message: "Indexing" });
    call.stop();
    expect(sent.map((p) => p.message)).toEqual(["Tool srv__op: Indexing"]);
  });

  it("without a heartbeat (a task's job) only steps are sent", () => {
    const { sent, call } = progressOf({ heartbeat: false });
    vi.advanceTimersByTime(progressHeartbeatMs * 5);
    call.onEvent({ type: "round-finished", round: 1 });
    vi.advanceTimersByTime(progressHeartbeatMs * 5);
    call.stop();
    expect(sent.map((p) => p.message)).toEqual(["Model round 1 finished"]);
  });
});

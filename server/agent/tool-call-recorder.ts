// Stores each tool call as it starts and as it ends, so a crash keeps the calls so far, and remembers each outcome
// so the run can report it in stream order.
import "server-only";
import type { Tx } from "@/server/db";
import { insertToolCall, setToolCallApproval, updateToolCall } from "@/server/db/queries/conversations";
import type { ToolApproval } from "@/server/db/schema";
import type { RuntimeToolResult } from "./runtime-tool";

export type CallOutcome =
  | { status: "completed"; result: RuntimeToolResult }
  | { status: "failed"; error: string; result?: RuntimeToolResult; connect?: ConnectServer }
  | { status: "stopped"; error: string };

export interface FinishedCall {
  callId: string;
  name: string;
  result?: RuntimeToolResult;
  error?: string;
  isError: boolean;
  durationMs: number;
  /** Cut short by the run's end (Stop, a cancelled call): not a failure of the tool. */
  stopped?: boolean;
  /** Failed because the person the run is for must connect their own account to this server again. */
  connect?: ConnectServer;
}

export interface ConnectServer {
  id: string;
  name: string;
}

interface CallRecord {
  name: string;
  startedAt: number;
  row: Promise<{ id: string }>;
  finished?: FinishedCall;
  reported?: boolean;
}

/** How long the end of a run waits for tool executions that ignore the abort signal. */
const settleGraceMs = 2_000;

export function createToolCallRecorder({ db, workspaceId, messageId }: { db: Tx; workspaceId: string; messageId: string }) {
  const calls = new Map<string, CallRecord>();
  const pending = new Set<Promise<unknown>>();
  // Tool executions run inside the AI SDK; an abort can end the stream before their writes land. Track them.
  function track<T>(promise: Promise<T>): Promise<T> {
    pending.add(promise);
    promise.then(
      () => pending.delete(promise),
      () => pending.delete(promise),
    );
    return promise;
  }

  function start(callId: string, name: string, args: unknown, round: number): void {
    const asked = calls.get(callId);
    if (asked && !asked.finished) {
      // Approved after asking (ask below): its row exists; its time runs from now, not from the question.
      asked.startedAt = performance.now();
      return;
    }
    const row = track(insertToolCall(db, { workspaceId, messageId, callId, round, name, arguments: args ?? null }));
    calls.set(callId, { name, startedAt: performance.now(), row });
  }

  async function finish(callId: string, outcome: CallOutcome): Promise<void> {
    const call = calls.get(callId);
    if (!call || call.finished) return;
    const durationMs = Math.round(performance.now() - call.startedAt);
    const result = outcome.status === "stopped" ? undefined : outcome.result;
    const error = outcome.status === "completed" ? undefined : outcome.error;
    const isError = outcome.status !== "completed";
    const connect = outcome.status === "failed" ? outcome.connect : undefined;
    call.finished = { callId, name: call.name, result, error, isError, durationMs, ...(outcome.status === "stopped" ? { stopped: true } : {}), ...(connect ? { connect } : {}) };
    const { id } = await call.row;
    await track(updateToolCall(db, { workspaceId, id, status: outcome.status, result: result ?? null, error: error ?? null, isError, durationMs }));
  }

  return {
    track,
    start,
    finish,
    /** A call that waits for a person's approval: stored now, so the trace shows what is being asked. */
    ask(callId: string, name: string, args: unknown, round: number) {
      start(callId, name, args, round);
    },
    /** The decision on a call that asked: stored with the call; a refused call ends here, never having run. */
    async decide(callId: string, approval: ToolApproval, refusal?: string) {
      const call = calls.get(callId);
      if (!call) return;
      const { id } = await call.row;
      await track(setToolCallApproval(db, { workspaceId, id, approval }));
      if (refusal) await finish(callId, { status: "failed", error: refusal });
    },
    /** A tool is running or its records are being written: the run is busy even though the model is quiet. */
    busy: () => pending.size > 0,
    /** A call the AI SDK refused before running it (unknown tool, unparsable arguments): stored like any other. */
    async reject(callId: string, name: string, args: unknown, round: number, error: string) {
      start(callId, name, args, round);
      await finish(callId, { status: "failed", error });
    },
    /** The outcome of a finished call, once: the run reports each call's end exactly one time. */
    takeFinished(callId: string): FinishedCall | undefined {
      const call = calls.get(callId);
      if (!call?.finished || call.reported) return undefined;
      call.reported = true;
      return call.finished;
    },
    /** Ends not yet reported when the stream stopped (abort, failure): outcomes, or "stopped" for calls still out. */
    takeLeftovers(): FinishedCall[] {
      return [...calls.entries()].flatMap(([callId, call]) => {
        if (call.reported) return [];
        call.reported = true;
        const durationMs = Math.round(performance.now() - call.startedAt);
        return [call.finished ?? { callId, name: call.name, error: "Stopped: the run ended first.", isError: true, durationMs, stopped: true }];
      });
    },
    async settled() {
      const deadline = Date.now() + settleGraceMs;
      while (pending.size > 0 && Date.now() < deadline) {
        await Promise.race([Promise.allSettled([...pending]), new Promise((resolve) => setTimeout(resolve, deadline - Date.now()))]);
      }
    },
  };
}

export type ToolCallRecorder = ReturnType<typeof createToolCallRecorder>;

// The "workflow-run" job: runs (or, after its process died, resumes) one stored workflow run and stores its end.
// On a resume the completed and skipped node runs are kept and their outputs feed the nodes after them; a node left
// "running" runs again. The end is stored once: a run already stopped stays stopped.
import "server-only";
import { getDb } from "@/server/db";
import { listMessages } from "@/server/db/queries/conversations";
import {
  failRunningNodeRuns,
  findWorkflowRun,
  finishWorkflowRun,
  listNodeRuns,
  markWorkflowRunRunning,
  upsertNodeRun,
} from "@/server/db/queries/workflow-runs";
import type { WorkflowRun } from "@/server/db/schema";
import type { Job } from "@/server/jobs";
import { jobTimings } from "@/server/jobs/types";
import { runScope } from "./run-scope";
import { watchForStop } from "./stop-watch";
import { nodeRunKey, RunAborted, RunFailure, type RunState } from "./run-state";

export const workflowRunQueue = "workflow-run";

export async function runWorkflowJob(job: Job): Promise<void> {
  const { workspaceId, runId } = job.data as { workspaceId: string; runId: string };
  const db = await getDb();
  const run = await findWorkflowRun(db, { workspaceId, id: runId });
  if (!run || !(await markWorkflowRunRunning(db, { workspaceId, id: runId }))) return;
  const started = (await findWorkflowRun(db, { workspaceId, id: runId }))!;
  const limits = run.snapshot.graph.limits;
  // The limit counts from the run's first start, so a resume does not get a fresh allowance.
  const left = Math.max(0, limits.maxRunSeconds * 1000 - (Date.now() - started.startedAt!.getTime()));
  // Already past it (a resume after a long outage): aborted now, not after a timer tick the run may outpace.
  const timeout = left > 0 ? AbortSignal.timeout(left) : AbortSignal.abort(new DOMException("The run timed out.", "TimeoutError"));
  // A stop stored by any instance reaches this run within about a second (stop-watch.ts).
  const stopped = watchForStop(runId);
  try {
    const signal = AbortSignal.any([job.signal, timeout, stopped.signal]);
    // Whatever is stored is kept: nothing on a first start; on a resume (another attempt, or the embedded queue
    // after a restart) the nodes that finished before.
    const stored = await listNodeRuns(db, { workspaceId, runId });
    const state: RunState = {
      run: started,
      snapshot: run.snapshot,
      stored: new Map(stored.map((row) => [nodeRunKey(row.nodeId, row.itemIndex), row])),
      nodeRuns: stored.filter((row) => row.status !== "skipped").length,
      history: run.snapshot.mode === "chatflow" ? await earlierTurns(started) : [],
      answers: [],
      usage: { inputTokens: 0, outputTokens: 0 },
      signal,
      save: (values) => upsertNodeRun(db, { ...values, runId, workspaceId }),
    };
    await runToEnd(state, timeout, job.attempt);
  } finally {
    stopped.release();
  }
}

/** Runs the graph and stores how the run ended; throws only when the job must run again (its process is going away). */
async function runToEnd(state: RunState, timeout: AbortSignal, attempt: number) {
  const db = await getDb();
  const { workspaceId, id: runId } = state.run;
  const end = { workspaceId, id: runId, usage: state.usage };
  const failed = (error: string) => finishWorkflowRun(db, { ...end, status: "failed", error, outputs: null, content: "" });
  const outputs = new Map<string, Record<string, unknown>>();
  try {
    await runScope(state, null, outputs, null);
    await finishWorkflowRun(db, { ...end, status: "completed", error: null, ...finalResult(state, outputs) });
  } catch (error) {
    if (error instanceof RunFailure) {
      await failed(error.message);
    } else if (!(error instanceof RunAborted) && !state.signal.aborted) {
      console.error(`[workflows] run ${runId} failed:`, error);
      await failed("The run failed unexpectedly. The server log has the details.");
    } else if (timeout.aborted) {
      const seconds = state.snapshot.graph.limits.maxRunSeconds;
      const message = `The run took longer than its limit of ${seconds} second${seconds === 1 ? "" : "s"} (maxRunSeconds).`;
      await failRunningNodeRuns(db, { workspaceId, runId, error: message });
      await failed(message);
    } else if ((await findWorkflowRun(db, { workspaceId, id: runId }))?.status === "stopped") {
      await failRunningNodeRuns(db, { workspaceId, runId, error: "The run was stopped." });
    } else if (attempt >= jobTimings.retryLimit) {
      // The queue will not run it again: said now rather than left "running".
      await failed("The server stopped while this run was under way, more than once. Run it again.");
    } else {
      // The job was taken from this process (shutting down, claim lost): it runs again and resumes from here.
      throw new Error(`workflow run ${runId} was interrupted`);
    }
  }
}

/** The run's outputs and its answer's text: End's outputs as JSON, or a chatflow's Answer texts in the order said. */
function finalResult(state: RunState, outputs: Map<string, Record<string, unknown>>) {
  if (state.snapshot.mode === "chatflow") {
    const text = [...state.answers].sort((a, b) => a.at - b.at).map((answer) => answer.text).join("\n\n");
    return { outputs: { answer: text }, content: text };
  }
  const end = state.snapshot.graph.nodes.find((node) => node.type === "end" && outputs.has(node.id));
  const values = end ? outputs.get(end.id)! : {};
  return { outputs: values, content: JSON.stringify(values, null, 2) };
}

/** A chatflow's earlier turns in this conversation, oldest first, without this turn's question and answer. */
async function earlierTurns(run: WorkflowRun) {
  const rows = await listMessages(await getDb(), { workspaceId: run.workspaceId, conversationId: run.conversationId });
  const at = rows.findIndex((row) => row.id === run.messageId);
  const before = rows.slice(0, at < 0 ? rows.length : at);
  if (before.at(-1)?.role === "user") before.pop();
  return before.filter((row) => row.content && (row.role === "user" || row.status === "completed")).map((row) => ({ role: row.role, content: row.content }));
}

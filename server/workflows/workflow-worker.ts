// Starts this process's workflow-run worker once: any instance takes any queued or orphaned run. Called from
// instrumentation.ts at start-up and, lazily, before the first run is made; never at import time.
import "server-only";
import { getDb } from "@/server/db";
import { failRunningNodeRuns, finishWorkflowRun, listOverdueWorkflowRuns, listUnfinishedWorkflowRuns } from "@/server/db/queries/workflow-runs";
import { getJobQueue } from "@/server/jobs";
import { jobRecoverySeconds } from "@/server/jobs/types";
import { runWorkflowJob, workflowRunQueue } from "./run-workflow";

// On globalThis: instrumentation.ts and the routes are bundled apart, and both may start it.
const holder = globalThis as typeof globalThis & { __switchyardWorkflowWorker?: Promise<void> };

export function startWorkflowWorker(): Promise<void> {
  holder.__switchyardWorkflowWorker ??= start().catch((error: unknown) => {
    holder.__switchyardWorkflowWorker = undefined;
    throw error;
  });
  return holder.__switchyardWorkflowWorker;
}

export const abandonedRunMessage = "The server stopped while this run was under way and it could not be resumed. Run it again.";

/**
 * Ends the runs no process holds any more: a run whose job ran out of attempts (its process killed twice) stays
 * "running" until this sweep finds it past its own time limit, plus time for a resume to have started.
 */
export async function sweepAbandonedWorkflowRuns({ now }: { now?: Date } = {}): Promise<number> {
  const db = await getDb();
  const overdue = await listOverdueWorkflowRuns(db, { graceSeconds: 4 * jobRecoverySeconds, now });
  for (const run of overdue) {
    await failRunningNodeRuns(db, { workspaceId: run.workspaceId, runId: run.id, error: abandonedRunMessage });
    await finishWorkflowRun(db, { workspaceId: run.workspaceId, id: run.id, status: "failed", error: abandonedRunMessage, outputs: null, usage: null, content: "" });
  }
  return overdue.length;
}

async function start() {
  const queue = getJobQueue();
  await queue.work(workflowRunQueue, runWorkflowJob, { concurrency: 8 });
  await queue.repeat("workflow-run-sweep", 5, async () => {
    await sweepAbandonedWorkflowRuns();
  });
  if (!queue.durable) {
    // The in-process queue lost its jobs with the process that held them, and this is the only process (PGlite):
    // each unfinished run is queued again and resumes from its last finished node, as on another instance.
    const db = await getDb();
    for (const run of await listUnfinishedWorkflowRuns(db)) await queue.enqueue(workflowRunQueue, { workspaceId: run.workspaceId, runId: run.id }, { id: run.id });
  }
}

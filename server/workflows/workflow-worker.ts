// Starts this process's workflow-run worker once: any instance takes any queued or orphaned run. Called from
// instrumentation.ts at start-up and, lazily, before the first run is made; never at import time.
import "server-only";
import { getDb } from "@/server/db";
import { listUnfinishedWorkflowRuns } from "@/server/db/queries/workflow-runs";
import { getJobQueue } from "@/server/jobs";
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

async function start() {
  const queue = getJobQueue();
  await queue.work(workflowRunQueue, runWorkflowJob, { concurrency: 8 });
  if (!queue.durable) {
    // The in-process queue lost its jobs with the process that held them, and this is the only process (PGlite):
    // each unfinished run is queued again and resumes from its last finished node, as on another instance.
    const db = await getDb();
    for (const run of await listUnfinishedWorkflowRuns(db)) await queue.enqueue(workflowRunQueue, { workspaceId: run.workspaceId, runId: run.id }, { id: run.id });
  }
}

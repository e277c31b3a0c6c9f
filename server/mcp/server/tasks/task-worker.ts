// Starts this process's task workers once: the run queue (any instance takes any task) and the cleanup that removes
// tasks past their retention. Called from instrumentation.ts at start-up and, lazily, before the first task is made,
// never at import time (the build imports route modules).
import "server-only";
import { getDb } from "@/server/db";
import { deleteExpiredTasks, failStrandedTasks } from "@/server/db/queries/mcp-tasks";
import { getJobQueue } from "@/server/jobs";
import { runTaskJob } from "./run-task-job";
import { taskSettings } from "./task-settings";

// On globalThis: instrumentation.ts and the routes are bundled apart, and both may start it.
const holder = globalThis as typeof globalThis & { __switchyardTaskWorker?: Promise<void> };

export const interruptedMessage = "The server running this task stopped before it finished. Call the tool again.";

export function startTaskWorker(): Promise<void> {
  holder.__switchyardTaskWorker ??= start().catch((error: unknown) => {
    holder.__switchyardTaskWorker = undefined;
    throw error;
  });
  return holder.__switchyardTaskWorker;
}

async function start() {
  const queue = getJobQueue();
  if (!queue.durable) {
    // The in-process queue lost its jobs with the process that held them; this is the only process (PGlite).
    const failed = await failStrandedTasks(await getDb(), { all: true, statusMessage: interruptedMessage });
    if (failed > 0) console.info(`[mcp_server:tasks] marked ${failed} tasks of a stopped process as failed`);
  }
  await queue.work(taskSettings.runQueue, runTaskJob, { concurrency: 8 });
  await queue.repeat(taskSettings.cleanupQueue, taskSettings.cleanupEveryMinutes, async () => {
    await removeExpiredTasks();
  });
}

/** Fails unfinished tasks past their ttl, then removes every task past it (SEP-2663 §Task Polling allows both). */
export async function removeExpiredTasks({ now }: { now?: Date } = {}) {
  const db = await getDb();
  const failed = await failStrandedTasks(db, { all: false, statusMessage: "The task ran out of time." });
  const removed = await deleteExpiredTasks(db, { now });
  return { failed, removed };
}

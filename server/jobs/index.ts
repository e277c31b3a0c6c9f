// The deployment's job queue, created on first use: pg-boss when DATABASE_URL is set (any instance runs any job),
// the in-process queue on the embedded database (one process). The only place that knows which driver runs.
import "server-only";
import { env } from "@/server/env";
import { createMemoryJobQueue } from "./memory";
import { createPgBossJobQueue } from "./pg-boss";
import type { JobQueue } from "./types";

export type { Job, JobData, JobHandler, JobQueue } from "./types";
export { jobRecoverySeconds } from "./types";

// On globalThis: Next bundles instrumentation.ts apart from the routes, and dev reloads must not start a second one.
const holder = globalThis as typeof globalThis & { __switchyardJobs?: JobQueue };

export function getJobQueue(): JobQueue {
  holder.__switchyardJobs ??= env.DATABASE_URL ? createPgBossJobQueue({ url: env.DATABASE_URL }) : createMemoryJobQueue();
  return holder.__switchyardJobs;
}

/** Stops workers (running jobs get `timeoutMs` to finish) and forgets the queue (shutdown, tests). */
export async function closeJobQueue(options?: { timeoutMs?: number }): Promise<void> {
  const queue = holder.__switchyardJobs;
  holder.__switchyardJobs = undefined;
  await queue?.stop(options);
}

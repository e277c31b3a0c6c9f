// The one job-queue interface that tasks (and, later, workflows) share. Only server/jobs/index.ts knows which driver
// runs: pg-boss on PostgreSQL when DATABASE_URL is set, an in-process queue on the embedded database otherwise.

/** JSON only: the PostgreSQL driver stores it as jsonb. */
export type JobData = Record<string, unknown>;

export interface Job {
  id: string;
  data: JobData;
  /** 0 on the first run; 1 when the job runs again after its first run threw or its process died mid-run. */
  attempt: number;
  /** Aborts when the job is cancelled, its claim is lost, or the queue stops. */
  signal: AbortSignal;
}

export type JobHandler = (job: Job) => Promise<void>;

export interface JobQueue {
  readonly driver: "pg-boss" | "memory";
  /** True when a job outlives this process: any instance (or this one, restarted) picks it up. */
  readonly durable: boolean;
  /** Stores the job and returns its id; `id` (a UUID) makes a second enqueue with the same id a no-op. */
  enqueue(queue: string, data: JobData, options?: { id?: string }): Promise<string>;
  /** Runs `handler` for this queue's jobs in this process, at most `concurrency` at a time; once per queue. */
  work(queue: string, handler: JobHandler, options?: { concurrency?: number }): Promise<void>;
  /** Cancels a queued job, or aborts the signal of a running one (on whichever instance runs it). */
  cancel(queue: string, id: string): Promise<void>;
  /** Runs `handler` every `everyMinutes` minutes, once across all instances (cleanups). */
  repeat(queue: string, everyMinutes: number, handler: JobHandler): Promise<void>;
  /** Jobs waiting to run, per queue (the metrics route); the database driver's counts are pg-boss's cached ones. */
  depth(): Promise<Record<string, number>>;
  /** Stops taking jobs, aborts running ones after `timeoutMs` and closes connections. */
  stop(options?: { timeoutMs?: number }): Promise<void>;
}

/**
 * How a job comes back after its process dies, for both drivers: a run that heartbeats every `heartbeatSeconds / 2`
 * and misses one is taken back by the supervisor (every `superviseSeconds`) and run once more (`retryLimit`),
 * picked up within `pollSeconds`. The worst case is about heartbeat + supervise + poll seconds.
 */
export const jobTimings = { heartbeatSeconds: 10, superviseSeconds: 5, pollSeconds: 1, retryLimit: 1, maxRunSeconds: 60 * 60 } as const;
export const jobRecoverySeconds = jobTimings.heartbeatSeconds + jobTimings.superviseSeconds + jobTimings.pollSeconds;

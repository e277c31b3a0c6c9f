// The PostgreSQL job queue: pg-boss 12 in its own schema ("pgboss") of the deployment's database. Any instance
// that called work() may pick a job up (SKIP LOCKED); a running job heartbeats, and one whose process died (SIGKILL,
// a lost machine) is taken back by any instance's supervisor and run once more (jobTimings in types.ts).
import { PgBoss } from "pg-boss";
import { jobTimings, type JobHandler, type JobQueue } from "./types";

export function createPgBossJobQueue({ url, schema = "pgboss" }: { url: string; schema?: string }): JobQueue {
  const boss = new PgBoss({
    connectionString: url,
    schema,
    application_name: "switchyard-jobs",
    max: 4,
    // Both: a queue's expiry and heartbeat pass runs on the supervise timer, but at most once per monitor interval.
    superviseIntervalSeconds: jobTimings.superviseSeconds,
    monitorIntervalSeconds: jobTimings.superviseSeconds,
  });
  // pg-boss reports a failed maintenance query or a lost connection here and keeps retrying by itself.
  boss.on("error", (error) => console.error("[jobs:pg-boss]", error instanceof Error ? error.message : error));
  let started: Promise<unknown> | null = null;
  const ready = () => (started ??= boss.start().catch((error: unknown) => {
    started = null;
    throw error;
  }));
  const queues = new Map<string, Promise<void>>();
  const ensureQueue = (name: string) => {
    let created = queues.get(name);
    if (!created) {
      created = (async () => {
        await ready();
        if (await boss.getQueue(name)) return;
        await boss.createQueue(name, {
          heartbeatSeconds: jobTimings.heartbeatSeconds,
          retryLimit: jobTimings.retryLimit,
          expireInSeconds: jobTimings.maxRunSeconds,
          // Finished jobs only say that they ran; what they produced lives with their owner (e.g. the task row).
          deleteAfterSeconds: 60 * 60,
        });
      })().catch((error: unknown) => {
        queues.delete(name);
        throw error;
      });
      queues.set(name, created);
    }
    return created;
  };
  const working = new Set<string>();

  const queue: JobQueue = {
    driver: "pg-boss",
    durable: true,
    async enqueue(name, data, options) {
      await ensureQueue(name);
      const id = await boss.send(name, data, options?.id ? { id: options.id } : {});
      // null: a job with this id exists already.
      return id ?? options!.id!;
    },
    async work(name, handler, options) {
      if (working.has(name)) return;
      working.add(name);
      await ensureQueue(name);
      const run: JobHandler = handler;
      await boss.work<Record<string, unknown>>(
        name,
        { batchSize: 1, localConcurrency: options?.concurrency ?? 4, pollingIntervalSeconds: jobTimings.pollSeconds },
        async ([job]) => {
          if (!job) return;
          await run({ id: job.id, data: job.data, attempt: job.retryCount, signal: job.signal });
        },
      );
    },
    async cancel(name, id) {
      await ensureQueue(name);
      await boss.cancel(name, id);
    },
    async repeat(name, everyMinutes, handler) {
      await queue.work(name, handler, { concurrency: 1 });
      // One schedule row per name, shared by all instances; pg-boss sends each tick once.
      await boss.schedule(name, everyMinutes === 1 ? "* * * * *" : `*/${everyMinutes} * * * *`);
    },
    async depth() {
      // A scrape must not start the queue (its schema, its supervisor); at boot the task worker starts it anyway.
      if (!started) return {};
      await started;
      // queuedCount: waiting jobs, whichever instance will take them; pg-boss refreshes it as it supervises.
      const queues = await boss.getQueues();
      return Object.fromEntries(queues.map((q) => [q.name, q.queuedCount]));
    },
    async stop(options) {
      if (!started) return;
      await boss.stop({ graceful: true, close: true, timeout: options?.timeoutMs ?? 10_000 });
      started = null;
    },
  };
  return queue;
}

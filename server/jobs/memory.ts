// The in-process job queue for the embedded database (PGlite has exactly one process: STYLE.md, TOOLCHAIN.md). Same
// contract as the pg-boss driver except durability: its jobs live in this process, so a restart loses them, and
// whoever owns the jobs' records marks them failed at start-up (see `durable`).
import { randomUUID } from "node:crypto";
import { jobTimings, type JobData, type JobHandler, type JobQueue } from "./types";

interface Pending {
  id: string;
  queue: string;
  data: JobData;
  attempt: number;
}

interface Worker {
  handler: JobHandler;
  concurrency: number;
  running: number;
}

export function createMemoryJobQueue(): JobQueue {
  const pending: Pending[] = [];
  const workers = new Map<string, Worker>();
  const running = new Map<string, { controller: AbortController; done: Promise<void> }>();
  const known = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;

  function drain() {
    if (stopped) return;
    for (let i = 0; i < pending.length; i++) {
      const job = pending[i]!;
      const worker = workers.get(job.queue);
      if (!worker || worker.running >= worker.concurrency) continue;
      pending.splice(i--, 1);
      start(job, worker);
    }
  }

  function start(job: Pending, worker: Worker) {
    const controller = new AbortController();
    worker.running += 1;
    const done = (async () => {
      try {
        await worker.handler({ id: job.id, data: job.data, attempt: job.attempt, signal: controller.signal });
        known.delete(job.id);
      } catch (error) {
        // As pg-boss does: a job whose handler threw runs again, up to retryLimit times, unless it was cancelled.
        if (!controller.signal.aborted && job.attempt < jobTimings.retryLimit) pending.push({ ...job, attempt: job.attempt + 1 });
        else {
          known.delete(job.id);
          console.error(`[jobs:${job.queue}] job failed:`, error instanceof Error ? error.message : error);
        }
      } finally {
        worker.running -= 1;
        running.delete(job.id);
        setImmediate(drain);
      }
    })();
    running.set(job.id, { controller, done });
  }

  const queue: JobQueue = {
    driver: "memory",
    durable: false,
    async enqueue(name, data, options) {
      const id = options?.id ?? randomUUID();
      if (known.has(id)) return id;
      known.add(id);
      // A copy through JSON, as the database driver stores it: handlers never share objects with the caller.
      pending.push({ id, queue: name, data: JSON.parse(JSON.stringify(data)) as JobData, attempt: 0 });
      setImmediate(drain);
      return id;
    },
    async work(name, handler, options) {
      if (workers.has(name)) return;
      workers.set(name, { handler, concurrency: options?.concurrency ?? 4, running: 0 });
      setImmediate(drain);
    },
    async cancel(_name, id) {
      const index = pending.findIndex((job) => job.id === id);
      if (index >= 0) {
        pending.splice(index, 1);
        known.delete(id);
      }
      running.get(id)?.controller.abort(new Error("job cancelled"));
    },
    async repeat(name, everyMinutes, handler) {
      if (workers.has(name)) return;
      await queue.work(name, handler, { concurrency: 1 });
      const timer = setInterval(() => void queue.enqueue(name, {}), everyMinutes * 60_000);
      timer.unref();
      timers.add(timer);
    },
    async depth() {
      const counts: Record<string, number> = {};
      for (const job of pending) counts[job.queue] = (counts[job.queue] ?? 0) + 1;
      return counts;
    },
    async stop(options) {
      stopped = true;
      for (const timer of timers) clearInterval(timer);
      const all = [...running.values()];
      const wait = new Promise((resolve) => setTimeout(resolve, options?.timeoutMs ?? 10_000).unref());
      await Promise.race([Promise.all(all.map((r) => r.done)), wait]);
      for (const r of all) r.controller.abort(new Error("job queue stopped"));
      await Promise.all(all.map((r) => r.done));
    },
  };
  return queue;
}

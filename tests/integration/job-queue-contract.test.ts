// One contract for both job-queue drivers: the in-process one always; pg-boss when DATABASE_URL is set (the file's
// own database). Each case uses queue names of its own, so the cases never see each other's jobs.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMemoryJobQueue } from "@/server/jobs/memory";
import { createPgBossJobQueue } from "@/server/jobs/pg-boss";
import type { Job, JobQueue } from "@/server/jobs/types";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let names = 0;
const queueName = () => `contract-${++names}-${randomUUID().slice(0, 8)}`;

async function waitFor(check: () => boolean, timeoutMs = 20_000) {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error("timed out waiting");
    await sleep(50);
  }
}

function jobQueueContract(name: string, create: () => JobQueue) {
  describe(`the ${name} job queue`, () => {
    let queue: JobQueue;
    beforeAll(() => {
      queue = create();
    });
    afterAll(async () => {
      await queue.stop({ timeoutMs: 2_000 });
    });

    it("runs an enqueued job once, with its data and attempt 0", async () => {
      const name = queueName();
      const seen: Job[] = [];
      await queue.work(name, async (job) => void seen.push(job));
      const id = await queue.enqueue(name, { hello: "world", n: 1 });
      await waitFor(() => seen.length === 1);
      await sleep(300);
      expect(seen).toHaveLength(1);
      expect(seen[0]).toMatchObject({ id, data: { hello: "world", n: 1 }, attempt: 0 });
    });

    it("keeps a job enqueued before any worker and runs it once a worker registers", async () => {
      const name = queueName();
      await queue.enqueue(name, { early: true });
      const seen: Job[] = [];
      await sleep(200);
      await queue.work(name, async (job) => void seen.push(job));
      await waitFor(() => seen.length === 1);
      expect(seen[0]!.data).toEqual({ early: true });
    });

    it("runs a job whose handler threw once more, with attempt 1, and not a third time", async () => {
      const name = queueName();
      const attempts: number[] = [];
      await queue.work(name, async (job) => {
        attempts.push(job.attempt);
        throw new Error("boom");
      });
      await queue.enqueue(name, {});
      await waitFor(() => attempts.length === 2);
      await sleep(1_500);
      expect(attempts).toEqual([0, 1]);
    });

    it("runs a job enqueued twice with the same id only once", async () => {
      const name = queueName();
      const id = randomUUID();
      let runs = 0;
      await queue.enqueue(name, { first: true }, { id });
      expect(await queue.enqueue(name, { second: true }, { id })).toBe(id);
      await queue.work(name, async () => void runs++);
      await waitFor(() => runs === 1);
      await sleep(500);
      expect(runs).toBe(1);
    });

    it("never runs a job cancelled while it waits", async () => {
      const name = queueName();
      const id = await queue.enqueue(name, {});
      await queue.cancel(name, id);
      let runs = 0;
      await queue.work(name, async () => void runs++);
      await sleep(2_500);
      expect(runs).toBe(0);
    });

    it("aborts the signal of a running job when it is cancelled", async () => {
      const name = queueName();
      let started = false;
      let aborted = false;
      await queue.work(name, async (job) => {
        started = true;
        await new Promise<void>((resolve) => job.signal.addEventListener("abort", () => resolve(), { once: true }));
        aborted = true;
      });
      const id = await queue.enqueue(name, {});
      await waitFor(() => started);
      await queue.cancel(name, id);
      await waitFor(() => aborted);
      expect(aborted).toBe(true);
    });

    it("runs a repeating queue's handler for each job sent to it", async () => {
      const name = queueName();
      let runs = 0;
      await queue.repeat(name, 1, async () => void runs++);
      await queue.repeat(name, 1, async () => void (runs += 100));
      await queue.enqueue(name, {});
      await waitFor(() => runs >= 1);
      expect(runs).toBe(1);
    });

    it("counts the jobs waiting in a queue without a worker (the metrics route's queue depth)", async () => {
      const name = queueName();
      await queue.enqueue(name, { n: 1 });
      await queue.enqueue(name, { n: 2 });
      // pg-boss counts as it supervises (every few seconds), so the count may lag the enqueue.
      const until = Date.now() + 20_000;
      let depth = await queue.depth();
      while (depth[name] !== 2 && Date.now() < until) {
        await sleep(250);
        depth = await queue.depth();
      }
      expect(depth[name]).toBe(2);
      expect(Object.values(depth).every((count) => Number.isInteger(count) && count >= 0)).toBe(true);
    });
  });
}

jobQueueContract("in-process", createMemoryJobQueue);
if (process.env.DATABASE_URL) jobQueueContract("pg-boss", () => createPgBossJobQueue({ url: process.env.DATABASE_URL! }));

// One batched KV read per instance serves every running published call's cancellation flag (cancellations.ts),
// against a real Redis when REDIS_URL is set (else the memory driver): reads are counted through a wrapper.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kvKeys } from "@/server/kv/keys";
import { createMemoryKv } from "@/server/kv/memory";
import { createRedisKv } from "@/server/kv/redis";
import type { Kv } from "@/server/kv/types";
import { callKey, cancelCall, trackCall, type TrackedCall } from "@/server/mcp/server/cancellations";

const redisUrl = process.env.REDIS_URL;
const prefix = `sy-test:${randomUUID()}:`;
const pollMs = 30;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The store, with every read it is asked for recorded. */
function countingKv(kv: Kv) {
  const reads: { method: "get" | "getMany"; keys: number }[] = [];
  const counted: Kv = {
    ...kv,
    driver: kv.driver,
    shared: kv.shared,
    get: (key) => (reads.push({ method: "get", keys: 1 }), kv.get(key)),
    getMany: (keys) => (reads.push({ method: "getMany", keys: keys.length }), kv.getMany(keys)),
    set: (...args) => kv.set(...args),
    del: (key) => kv.del(key),
    close: () => kv.close(),
  };
  return { kv: counted, reads };
}

let store: Kv;
beforeAll(() => {
  store = redisUrl ? createRedisKv({ url: redisUrl, prefix }) : createMemoryKv({ prefix });
});
afterAll(() => store.close());

describe("cancellation flags of running published calls", () => {
  it("are read for all running calls in one batched read, and not at all once none runs", async () => {
    const { kv, reads } = countingKv(store);
    const keys = Array.from({ length: 50 }, (_, id) => callKey({ serverKey: "app-1", clientScope: "batch", requestId: id }));
    const calls = keys.map((key) => trackCall(key, { kv, pollMs }));
    await expect.poll(() => reads.length, { interval: pollMs }).toBeGreaterThanOrEqual(3);
    expect(reads.every((read) => read.method === "getMany" && read.keys === 50)).toBe(true);

    for (const call of calls) call.done();
    await sleep(pollMs * 2);
    const afterDone = reads.length;
    await sleep(pollMs * 5);
    expect(reads.length).toBe(afterDone);
    expect(calls.some((call) => call.signal.aborted)).toBe(false);
  });

  it("a flag left by another instance aborts the call it names and only that one", async () => {
    const { kv } = countingKv(store);
    const keys = Array.from({ length: 20 }, (_, id) => callKey({ serverKey: "app-1", clientScope: "flagged", requestId: id }));
    const calls: TrackedCall[] = keys.map((key) => trackCall(key, { kv, pollMs }));
    try {
      // Written the way another instance leaves it, straight into the store.
      await store.set(kvKeys.mcpCancel(keys[7]!), "1", { ttlSeconds: 60 });
      await expect.poll(() => calls[7]!.signal.aborted, { interval: pollMs }).toBe(true);
      await sleep(pollMs * 3);
      expect(calls.filter((call) => call.signal.aborted)).toEqual([calls[7]]);
    } finally {
      for (const call of calls) call.done();
      await store.del(kvKeys.mcpCancel(keys[7]!));
    }
  });

  it("a cancellation reaching the instance running the call aborts it at once, without the store", async () => {
    const { kv, reads } = countingKv(store);
    const key = callKey({ serverKey: "app-1", clientScope: "local", requestId: "r-1" });
    // A long poll: only the direct abort can be seen before the check.
    const call = trackCall(key, { kv, pollMs: 60_000 });
    try {
      expect(await cancelCall(key, kv)).toBe(true);
      expect(call.signal.aborted).toBe(true);
      expect(reads).toEqual([]);
      expect(await store.get(kvKeys.mcpCancel(key))).toBeNull();
    } finally {
      call.done();
    }
  });

  it("a call that needs a quicker check than the one scheduled is checked on its own schedule", async () => {
    const { kv, reads } = countingKv(store);
    const slow = trackCall(callKey({ serverKey: "app-1", clientScope: "mixed", requestId: 1 }), { kv, pollMs: 60_000 });
    const quickKey = callKey({ serverKey: "app-1", clientScope: "mixed", requestId: 2 });
    const quick = trackCall(quickKey, { kv, pollMs });
    try {
      await store.set(kvKeys.mcpCancel(quickKey), "1", { ttlSeconds: 60 });
      await expect.poll(() => quick.signal.aborted, { interval: pollMs }).toBe(true);
      expect(reads[0]).toEqual({ method: "getMany", keys: 2 });
      expect(slow.signal.aborted).toBe(false);
    } finally {
      slow.done();
      quick.done();
      await store.del(kvKeys.mcpCancel(quickKey));
    }
  });
});

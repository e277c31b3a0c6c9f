// One contract for every KV driver: memory always; Redis and Upstash (through a REST bridge to the same
// Redis) when REDIS_URL is set. The store when it is down, and key building: kv-outage.test.ts.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AppError } from "@/server/errors";
import { acquireLock, releaseLock, withLock } from "@/server/kv/lock";
import { createMemoryKv } from "@/server/kv/memory";
import { assertRateLimit, rateLimit } from "@/server/kv/rate-limit";
import { createRedisKv } from "@/server/kv/redis";
import type { Kv } from "@/server/kv/types";
import { createUpstashKv } from "@/server/kv/upstash";
import { startUpstashBridge } from "@/tests/support/upstash-bridge";

const redisUrl = process.env.REDIS_URL;
// One prefix per run keeps these keys apart from any other data (and other runs) in a shared Redis.
const runPrefix = `sy-test:${randomUUID()}:`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function kvContract(name: string, createKv: (prefix: string) => Kv) {
  describe(`the ${name} KV driver`, () => {
    let kv: Kv;
    const used: string[] = [];
    const key = () => {
      used.push(`contract:${name}:${used.length + 1}`);
      return used[used.length - 1];
    };

    beforeAll(() => {
      kv = createKv(runPrefix);
    });
    afterAll(async () => {
      // Leave nothing behind in a shared Redis: some keys were set without a TTL.
      await Promise.all(used.map((k) => kv.del(k)));
      await kv.close();
    });

    it("answers ping", async () => {
      await expect(kv.ping()).resolves.toBeUndefined();
    });

    it("reads back what was set, overwrites on a second set, and reads a missing key as null", async () => {
      const k = key();
      expect(await kv.get(k)).toBeNull();
      await kv.set(k, "first");
      expect(await kv.get(k)).toBe("first");
      await kv.set(k, "second");
      expect(await kv.get(k)).toBe("second");
    });

    it("keeps values byte for byte, including unicode, newlines, and strings that look like numbers, JSON or OK", async () => {
      for (const value of ["héllo wörld ✓\nline two", "OK", "PONG", "123", '{"a":1}', ""]) {
        const k = key();
        await kv.set(k, value);
        expect(await kv.get(k)).toBe(value);
      }
    });

    it("forgets a value set with a one-second TTL once it expires", async () => {
      const k = key();
      await kv.set(k, "short-lived", { ttlSeconds: 1 });
      expect(await kv.get(k)).toBe("short-lived");
      await sleep(1_200);
      expect(await kv.get(k)).toBeNull();
    });

    it("deletes a key, and deleting a missing key is not an error", async () => {
      const k = key();
      await kv.set(k, "doomed");
      await kv.del(k);
      expect(await kv.get(k)).toBeNull();
      await expect(kv.del(k)).resolves.toBeUndefined();
    });

    it("sets with setIfAbsent only when the key is absent", async () => {
      const k = key();
      expect(await kv.setIfAbsent(k, "winner", { ttlSeconds: 10 })).toBe(true);
      expect(await kv.setIfAbsent(k, "loser", { ttlSeconds: 10 })).toBe(false);
      expect(await kv.get(k)).toBe("winner");
    });

    it("lets setIfAbsent succeed again after the earlier value expired", async () => {
      const k = key();
      expect(await kv.setIfAbsent(k, "first", { ttlSeconds: 1 })).toBe(true);
      await sleep(1_200);
      expect(await kv.setIfAbsent(k, "second", { ttlSeconds: 1 })).toBe(true);
      expect(await kv.get(k)).toBe("second");
    });

    it("hands a value to exactly one of two parallel getDel callers", async () => {
      const k = key();
      await kv.set(k, "single-use");
      const results = await Promise.all([kv.getDel(k), kv.getDel(k)]);
      expect(results.filter((r) => r === "single-use")).toHaveLength(1);
      expect(results.filter((r) => r === null)).toHaveLength(1);
      expect(await kv.get(k)).toBeNull();
    });

    it("counts with incr, starting the window on the first increment and reporting the seconds left", async () => {
      const k = key();
      expect(await kv.incr(k, 30)).toEqual({ count: 1, ttlSeconds: 30 });
      const second = await kv.incr(k, 30);
      expect(second.count).toBe(2);
      expect(second.ttlSeconds).toBeGreaterThanOrEqual(29);
      expect(second.ttlSeconds).toBeLessThanOrEqual(30);
      // A later call with another window does not move the running one.
      expect((await kv.incr(k, 300)).ttlSeconds).toBeLessThanOrEqual(30);
      expect(await kv.get(k)).toBe("3");
    });

    it("starts counting from one again once the incr window has expired", async () => {
      const k = key();
      await kv.incr(k, 1);
      expect((await kv.incr(k, 1)).count).toBe(2);
      await sleep(1_200);
      expect(await kv.incr(k, 1)).toEqual({ count: 1, ttlSeconds: 1 });
    });

    it("counts in parallel without losing an increment", async () => {
      const k = key();
      const results = await Promise.all(Array.from({ length: 20 }, () => kv.incr(k, 30)));
      expect(results.map((r) => r.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it("deletes with delIfEquals only while the value still matches", async () => {
      const k = key();
      await kv.set(k, "token-a");
      expect(await kv.delIfEquals(k, "token-b")).toBe(false);
      expect(await kv.get(k)).toBe("token-a");
      expect(await kv.delIfEquals(k, "token-a")).toBe(true);
      expect(await kv.get(k)).toBeNull();
      expect(await kv.delIfEquals(k, "token-a")).toBe(false);
    });

    it("lets only one of ten parallel withLock callers in at a time", async () => {
      const lockName = `contract-${name}-${randomUUID()}`;
      const counter = key();
      await kv.set(counter, "0");
      let inside = 0;
      let maxInside = 0;
      await Promise.all(
        Array.from({ length: 10 }, () =>
          withLock(kv, lockName, { ttlMs: 5_000, waitMs: 10_000 }, async () => {
            maxInside = Math.max(maxInside, ++inside);
            // Read, pause, write: any overlap would lose an increment.
            const value = Number(await kv.get(counter));
            await sleep(5);
            await kv.set(counter, String(value + 1));
            inside--;
          }),
        ),
      );
      expect(maxInside).toBe(1);
      expect(await kv.get(counter)).toBe("10");
      // Every holder released: the lock is free again.
      const token = await acquireLock(kv, lockName, 1_000);
      expect(token).not.toBeNull();
      await releaseLock(kv, lockName, token!);
    });

    it("releases the lock even when the locked function throws", async () => {
      const lockName = `contract-${name}-${randomUUID()}`;
      await expect(
        withLock(kv, lockName, { ttlMs: 5_000, waitMs: 0 }, async () => {
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      const token = await acquireLock(kv, lockName, 1_000);
      expect(token).not.toBeNull();
      await releaseLock(kv, lockName, token!);
    });

    it("gives up with unavailable:lock when the lock stays held past waitMs, without running the function", async () => {
      const lockName = `contract-${name}-${randomUUID()}`;
      const holder = await acquireLock(kv, lockName, 5_000);
      expect(holder).not.toBeNull();
      const fn = vi.fn(async () => "ran");
      const error = await withLock(kv, lockName, { ttlMs: 5_000, waitMs: 150 }, fn).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("unavailable:lock");
      expect(fn).not.toHaveBeenCalled();
      expect(await releaseLock(kv, lockName, holder!)).toBe(true);
    });

    it("does not let a stale token release a lock someone else now holds", async () => {
      const lockName = `contract-${name}-${randomUUID()}`;
      const owner = await acquireLock(kv, lockName, 5_000);
      expect(await acquireLock(kv, lockName, 5_000)).toBeNull();
      expect(await releaseLock(kv, lockName, "not-the-owner")).toBe(false);
      expect(await acquireLock(kv, lockName, 5_000)).toBeNull();
      expect(await releaseLock(kv, lockName, owner!)).toBe(true);
    });

    it("rate limits to the limit within a window and says when to retry", async () => {
      const options = { bucket: "contract", id: `user-${randomUUID()}`, limit: 3, windowSeconds: 60 };
      const results = [];
      for (let i = 0; i < 4; i++) results.push(await rateLimit(kv, options));
      expect(results.map((r) => r.ok)).toEqual([true, true, true, false]);
      expect(results.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
      expect(results[0].retryAfter).toBe(0);
      expect(results[3].retryAfter).toBeGreaterThan(0);
      expect(results[3].retryAfter).toBeLessThanOrEqual(60);
      // Another id has its own window.
      expect((await rateLimit(kv, { ...options, id: `user-${randomUUID()}` })).ok).toBe(true);
    });

    it("allows again once the rate limit window has passed", async () => {
      const options = { bucket: "contract", id: `user-${randomUUID()}`, limit: 1, windowSeconds: 1 };
      expect((await rateLimit(kv, options)).ok).toBe(true);
      expect(await rateLimit(kv, options)).toEqual({ ok: false, remaining: 0, retryAfter: 1 });
      await sleep(1_200);
      expect((await rateLimit(kv, options)).ok).toBe(true);
    });

    it("throws a rate_limit error carrying retryAfter from assertRateLimit once over the limit", async () => {
      const options = { bucket: "contract_assert", id: `user-${randomUUID()}`, limit: 1, windowSeconds: 60 };
      await expect(assertRateLimit(kv, options)).resolves.toMatchObject({ ok: true, remaining: 0 });
      const error = await assertRateLimit(kv, options, "Slow down.").catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AppError);
      expect(error).toMatchObject({ code: "rate_limit:contract_assert", status: 429, message: "Slow down." });
      expect((error as AppError).retryAfter).toBeGreaterThan(0);
    });

    it("keeps stores with different prefixes apart", async () => {
      const k = key();
      const other = createKv(`${runPrefix}other:`);
      try {
        await kv.set(k, "mine");
        expect(await other.get(k)).toBeNull();
      } finally {
        await other.close();
      }
    });
  });
}

kvContract("memory", (prefix) => createMemoryKv({ prefix }));

if (redisUrl) {
  kvContract("redis", (prefix) => createRedisKv({ url: redisUrl, prefix }));

  describe("through the Upstash REST bridge", () => {
    const token = randomUUID();
    let bridge: Awaited<ReturnType<typeof startUpstashBridge>>;
    beforeAll(async () => {
      bridge = await startUpstashBridge({ redisUrl, token });
    });
    afterAll(async () => {
      await bridge?.close();
    });

    kvContract("upstash", (prefix) => createUpstashKv({ url: bridge.url, token, prefix }));

    it("refuses a client with the wrong token with unavailable:kv", async () => {
      const kv = createUpstashKv({ url: bridge.url, token: "wrong", prefix: runPrefix });
      await expect(kv.get("anything")).rejects.toMatchObject({ code: "unavailable:kv" });
    });
  });
}

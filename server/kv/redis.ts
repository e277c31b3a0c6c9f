import "server-only";
import { Redis } from "ioredis";
import { luaScripts } from "./lua-scripts";
import type { Kv } from "./types";
import { withKvErrors } from "./with-kv-errors";

// A request must never hang on a dead Redis: connect attempts give up after 1 s, a queued command is
// rejected after one failed reconnect, and commandTimeout caps every command (queued ones included) at 2 s.
// The offline queue stays on so commands issued while the first connection is opening are not refused.
const connectTimeoutMs = 1_000;
const commandTimeoutMs = 2_000;
const errorLogIntervalMs = 60_000;

/** The Redis driver over TCP (ioredis): shared by every instance pointed at the same server. */
export function createRedisKv({ url, prefix }: { url: string; prefix: string }): Kv {
  const redis = new Redis(url, {
    connectTimeout: connectTimeoutMs,
    commandTimeout: commandTimeoutMs,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });

  // Without a listener ioredis prints every reconnect failure; one line a minute is enough, without the URL.
  let lastErrorLog = 0;
  redis.on("error", (error: Error & { code?: string }) => {
    if (Date.now() - lastErrorLog < errorLogIntervalMs) return;
    lastErrorLog = Date.now();
    console.warn(`[unavailable:kv] redis connection error: ${error.code ?? error.name}`);
  });

  const k = (key: string) => prefix + key;

  return withKvErrors({
    driver: "redis",
    shared: true,
    async get(key) {
      return redis.get(k(key));
    },
    async getMany(keys) {
      // MGET with no keys is a Redis error, not an empty answer.
      return keys.length === 0 ? [] : redis.mget(keys.map(k));
    },
    async set(key, value, options) {
      if (options?.ttlSeconds) await redis.set(k(key), value, "EX", options.ttlSeconds);
      else await redis.set(k(key), value);
    },
    async setIfAbsent(key, value, { ttlSeconds }) {
      return (await redis.set(k(key), value, "EX", ttlSeconds, "NX")) === "OK";
    },
    async getDel(key) {
      return redis.getdel(k(key));
    },
    async del(key) {
      await redis.del(k(key));
    },
    async incr(key, ttlSeconds) {
      const [count, ttl] = (await redis.eval(luaScripts.incr, 1, k(key), ttlSeconds)) as [number, number];
      return { count, ttlSeconds: ttl };
    },
    async delIfEquals(key, expected) {
      return (await redis.eval(luaScripts.delIfEquals, 1, k(key), expected)) === 1;
    },
    async ping() {
      await redis.ping();
    },
    async close() {
      // QUIT waits for a connection that may never come; drop it instead when Redis is not ready.
      if (redis.status === "ready") await redis.quit().catch(() => redis.disconnect());
      else redis.disconnect();
    },
  });
}

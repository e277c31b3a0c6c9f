import "server-only";
import { Redis } from "@upstash/redis";
import { luaScripts } from "./lua-scripts";
import type { Kv } from "./types";
import { withKvErrors } from "./with-kv-errors";

// The client retries network errors 5 times with exponential backoff by default (seconds in total);
// one quick retry and a 2 s cap per request keep a dead endpoint from stalling a request.
const requestTimeoutMs = 2_000;

/** The Upstash driver over its REST API: for hosts without a TCP connection to Redis (serverless). */
export function createUpstashKv({ url, token, prefix }: { url: string; token: string; prefix: string }): Kv {
  const redis = new Redis({
    url,
    token,
    // Values stay the strings we stored; the default would JSON-parse "123" into a number.
    automaticDeserialization: false,
    enableTelemetry: false,
    retry: { retries: 1, backoff: () => 100 },
    signal: () => AbortSignal.timeout(requestTimeoutMs),
  });

  const k = (key: string) => prefix + key;

  return withKvErrors({
    driver: "upstash",
    shared: true,
    async get(key) {
      return redis.get<string>(k(key));
    },
    async getMany(keys) {
      // MGET with no keys is a Redis error, not an empty answer.
      return keys.length === 0 ? [] : redis.mget<(string | null)[]>(keys.map(k));
    },
    async set(key, value, options) {
      if (options?.ttlSeconds) await redis.set(k(key), value, { ex: options.ttlSeconds });
      else await redis.set(k(key), value);
    },
    async setIfAbsent(key, value, { ttlSeconds }) {
      return (await redis.set(k(key), value, { nx: true, ex: ttlSeconds })) === "OK";
    },
    async getDel(key) {
      return redis.getdel<string>(k(key));
    },
    async del(key) {
      await redis.del(k(key));
    },
    async incr(key, ttlSeconds) {
      const [count, ttl] = await redis.eval<[string], [number, number]>(luaScripts.incr, [k(key)], [String(ttlSeconds)]);
      return { count, ttlSeconds: ttl };
    },
    async delIfEquals(key, expected) {
      return (await redis.eval<[string], number>(luaScripts.delIfEquals, [k(key)], [expected])) === 1;
    },
    async ping() {
      await redis.ping();
    },
    // REST holds no connection to close.
    async close() {},
  });
}

import "server-only";
import { env } from "@/server/env";
import { createMemoryKv } from "./memory";
import { createRedisKv } from "./redis";
import type { Kv } from "./types";
import { createUpstashKv } from "./upstash";

export type { Kv } from "./types";

// On globalThis so dev-mode module reloads reuse one connection instead of leaking a new one per edit.
const globalKv = globalThis as typeof globalThis & { __switchyardKv?: Kv };

/** The deployment's KV store, created on first use: Upstash, else Redis, else in-process memory. */
export function getKv(): Kv {
  globalKv.__switchyardKv ??= createKv();
  return globalKv.__switchyardKv;
}

/** Closes the store and forgets it, so the next getKv() starts fresh (tests, shutdown). */
export async function closeKv(): Promise<void> {
  const kv = globalKv.__switchyardKv;
  globalKv.__switchyardKv = undefined;
  await kv?.close();
}

function createKv(): Kv {
  const prefix = env.KV_PREFIX;
  // env.ts already refuses an Upstash URL without its token.
  if (env.UPSTASH_REDIS_REST_URL && env.UPSTASH_REDIS_REST_TOKEN) {
    return createUpstashKv({ url: env.UPSTASH_REDIS_REST_URL, token: env.UPSTASH_REDIS_REST_TOKEN, prefix });
  }
  if (env.REDIS_URL) return createRedisKv({ url: env.REDIS_URL, prefix });
  return createMemoryKv({ prefix });
}

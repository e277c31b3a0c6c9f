import "server-only";
import { randomUUID } from "node:crypto";
import { AppError } from "@/server/errors";
import { kvKeys } from "./keys";
import type { Kv } from "./types";

// Polling, not pub/sub: Upstash REST has no blocking wait, and locks here are held for milliseconds.
// Jitter keeps waiters from retrying in lockstep; the step grows so a long wait costs few round trips.
const firstPollMs = 20;
const maxPollMs = 200;

/** Takes the lock for `ttlMs` (rounded up to whole seconds); returns the owner token, or null when held. */
export async function acquireLock(kv: Kv, name: string, ttlMs: number): Promise<string | null> {
  const token = randomUUID();
  const ttlSeconds = Math.max(1, Math.ceil(ttlMs / 1000));
  return (await kv.setIfAbsent(kvKeys.lock(name), token, { ttlSeconds })) ? token : null;
}

/** Releases only if `token` still owns the lock: after expiry someone else may hold it. */
export async function releaseLock(kv: Kv, name: string, token: string): Promise<boolean> {
  return kv.delIfEquals(kvKeys.lock(name), token);
}

/**
 * Runs `fn` holding the lock, waiting up to `waitMs` for it; always releases.
 * `ttlMs` must outlast `fn`: past it the lock expires and another caller may enter.
 */
export async function withLock<T>(
  kv: Kv,
  name: string,
  { ttlMs, waitMs }: { ttlMs: number; waitMs: number },
  fn: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + waitMs;
  let pollMs = firstPollMs;
  let token = await acquireLock(kv, name, ttlMs);
  while (!token) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new AppError("unavailable:lock", "Another operation on this item is still running. Try again in a moment.");
    }
    await sleep(Math.min(remaining, pollMs / 2 + Math.random() * pollMs));
    pollMs = Math.min(pollMs * 2, maxPollMs);
    token = await acquireLock(kv, name, ttlMs);
  }

  try {
    return await fn();
  } finally {
    // A failed release must not replace fn's outcome; the lock's TTL frees it anyway.
    await releaseLock(kv, name, token).catch((error) => {
      console.warn(`[unavailable:lock] could not release lock "${name}"; it expires on its own`, String(error));
    });
  }
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

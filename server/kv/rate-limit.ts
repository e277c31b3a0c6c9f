import "server-only";
import { AppError } from "@/server/errors";
import { kvKeys } from "./keys";
import type { Kv } from "./types";

export type RateLimitOptions = {
  bucket: string;
  id: string;
  limit: number;
  windowSeconds: number;
  /** How many calls this one stands for (a batch of several): each counts against the limit. Default 1. */
  cost?: number;
};
export type RateLimitResult = { ok: boolean; remaining: number; retryAfter: number };

/**
 * Fixed-window limiter: at most `limit` calls per `windowSeconds` for one bucket and id.
 * `retryAfter` is the seconds until the window resets when refused, 0 when allowed.
 * Fails open: an unreachable store must not take the product down with it, so it allows and warns.
 */
export async function rateLimit(kv: Kv, { bucket, id, limit, windowSeconds, cost = 1 }: RateLimitOptions): Promise<RateLimitResult> {
  const key = kvKeys.rateLimit(bucket, id);
  try {
    // One increment per call (the KV interface has no increment-by): batches are small, and the highest count wins.
    const counts = await Promise.all(Array.from({ length: Math.max(1, cost) }, () => kv.incr(key, windowSeconds)));
    const { count, ttlSeconds } = counts.reduce((a, b) => (b.count > a.count ? b : a));
    const ok = count <= limit;
    return { ok, remaining: Math.max(0, limit - count), retryAfter: ok ? 0 : ttlSeconds };
  } catch (error) {
    // The id stays out of the log line: it may be an address or an account.
    console.warn(`[rate_limit:${bucket}] rate limit failed open: KV ${kv.driver} unreachable`, String(error));
    return { ok: true, remaining: limit, retryAfter: 0 };
  }
}

/** rateLimit, throwing AppError("rate_limit:<bucket>") with `retryAfter` when refused. */
export async function assertRateLimit(
  kv: Kv,
  options: RateLimitOptions,
  message?: string,
): Promise<RateLimitResult> {
  const result = await rateLimit(kv, options);
  if (!result.ok) {
    throw new AppError(`rate_limit:${options.bucket}`, message, { retryAfter: result.retryAfter });
  }
  return result;
}

import "server-only";
import { AppError } from "@/server/errors";
import { getMetrics } from "@/server/observability/metrics";
import type { Kv } from "./types";

type KvMethod = Exclude<keyof Kv, "driver" | "shared">;
const methods: KvMethod[] = ["get", "getMany", "set", "setIfAbsent", "getDel", "del", "incr", "delIfEquals", "ping", "close"];

/**
 * Wraps a network driver so every failure surfaces as AppError("unavailable:kv"): callers then need one
 * catch for every driver, and the client's own error (logged, never shown) travels as `cause`.
 */
export function withKvErrors(kv: Kv): Kv {
  const wrapped = { driver: kv.driver, shared: kv.shared } as Kv;
  for (const method of methods) {
    const original = kv[method] as (...args: unknown[]) => Promise<unknown>;
    (wrapped as unknown as Record<string, unknown>)[method] = async (...args: unknown[]) => {
      try {
        return await original.apply(kv, args);
      } catch (error) {
        if (error instanceof AppError) throw error;
        getMetrics().kvErrors.inc({ driver: kv.driver, operation: method });
        throw new AppError("unavailable:kv", `KV ${kv.driver} ${method} failed: ${describe(error)}`, { cause: error });
      }
    };
  }
  return wrapped;
}

// Client errors can quote a connection URL; strip credentials before the text reaches a log line.
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\/\/[^/\s@]*@/g, "//***@").slice(0, 300);
}

// The one KV interface every driver implements. Keys arrive fully built (see keys.ts); drivers add only the deployment prefix.
// Every method rejects with AppError("unavailable:kv") when the store cannot be reached; callers decide to fail open or closed.
export interface Kv {
  /** Driver name, shown by the health route. */
  readonly driver: "memory" | "redis" | "upstash";
  /** True when several instances can share this store. */
  readonly shared: boolean;
  get(key: string): Promise<string | null>;
  /** Several keys in one round-trip (MGET), in the order asked; null for each key that is absent. */
  getMany(keys: string[]): Promise<(string | null)[]>;
  /** Overwrites; `ttlSeconds` (whole seconds, at least 1) sets an expiry, none means no expiry. */
  set(key: string, value: string, options?: { ttlSeconds?: number }): Promise<void>;
  /** Set only when absent; true when this call set it. */
  setIfAbsent(key: string, value: string, options: { ttlSeconds: number }): Promise<boolean>;
  /** Read and delete in one step: a second caller gets null. */
  getDel(key: string): Promise<string | null>;
  del(key: string): Promise<void>;
  /** Increment and, on the first increment, set the expiry; returns the new count and seconds to live. */
  incr(key: string, ttlSeconds: number): Promise<{ count: number; ttlSeconds: number }>;
  /** Delete only when the stored value still equals `expected` (lock release). */
  delIfEquals(key: string, expected: string): Promise<boolean>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

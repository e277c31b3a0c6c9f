import "server-only";
import type { Kv } from "./types";

type Entry = { value: string; expiresAt: number | null };

// Lazy expiry alone would keep keys nobody reads again (rate-limit windows, failed sign-ins) forever.
const sweepIntervalMs = 30_000;

/** A single-process store for development and tests: nothing is shared between instances. */
export function createMemoryKv({ prefix }: { prefix: string }): Kv {
  const entries = new Map<string, Entry>();

  const isLive = (entry: Entry, now = Date.now()) => entry.expiresAt === null || entry.expiresAt > now;
  const read = (key: string): Entry | undefined => {
    const entry = entries.get(prefix + key);
    if (entry && isLive(entry)) return entry;
    if (entry) entries.delete(prefix + key);
    return undefined;
  };
  const write = (key: string, value: string, ttlSeconds?: number) => {
    const expiresAt = ttlSeconds ? Date.now() + ttlSeconds * 1000 : null;
    entries.set(prefix + key, { value, expiresAt });
  };

  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, entry] of entries) if (!isLive(entry, now)) entries.delete(key);
  }, sweepIntervalMs);
  sweep.unref();

  return {
    driver: "memory",
    shared: false,
    async get(key) {
      return read(key)?.value ?? null;
    },
    async getMany(keys) {
      return keys.map((key) => read(key)?.value ?? null);
    },
    async set(key, value, options) {
      write(key, value, options?.ttlSeconds);
    },
    async setIfAbsent(key, value, { ttlSeconds }) {
      if (read(key)) return false;
      write(key, value, ttlSeconds);
      return true;
    },
    async getDel(key) {
      const entry = read(key);
      entries.delete(prefix + key);
      return entry?.value ?? null;
    },
    async del(key) {
      entries.delete(prefix + key);
    },
    async incr(key, ttlSeconds) {
      const entry = read(key);
      if (entry && !/^-?\d+$/.test(entry.value)) throw new Error("ERR value is not an integer or out of range");
      const count = Number(entry?.value ?? 0) + 1;
      // Like the Redis drivers: keep a running window's expiry, and give one to a key that has none.
      const expiresAt = entry?.expiresAt ?? Date.now() + ttlSeconds * 1000;
      entries.set(prefix + key, { value: String(count), expiresAt });
      return { count, ttlSeconds: Math.max(1, Math.ceil((expiresAt - Date.now()) / 1000)) };
    },
    async delIfEquals(key, expected) {
      if (read(key)?.value !== expected) return false;
      entries.delete(prefix + key);
      return true;
    },
    async ping() {},
    async close() {
      clearInterval(sweep);
      entries.clear();
    },
  };
}

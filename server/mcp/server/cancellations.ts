// notifications/cancelled (MCP 2025-06-18, utilities/cancellation) arrives in a request of its own, maybe at another
// instance than the one running the call. The running call's own instance aborts it at once; any other instance
// leaves a short-lived KV flag. One watcher per instance (per KV store) reads the flags of all its running calls in
// one batched read, and sleeps while none run: a KV read per call in flight would grow with load, this one does not.
import "server-only";
import type { Kv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";

// Long enough for a watcher to see it; short, since a client never reuses a request id within its session.
const flagSeconds = 60;

interface RunningCall {
  controller: AbortController;
  flag: string;
  pollMs: number;
}

interface Watcher {
  calls: Set<RunningCall>;
  timer?: NodeJS.Timeout;
  /** When the scheduled check runs; a call that needs a quicker one moves it earlier. */
  dueAt: number;
  checking: boolean;
}

// One store per instance in production; tests may close one and open another, each then has its own watcher.
const watchers = new WeakMap<Kv, Watcher>();
const running = new Map<string, RunningCall>();

/** Names one request of one client of one server: request ids alone collide across clients. */
export function callKey({ serverKey, clientScope, requestId }: { serverKey: string; clientScope: string; requestId: string | number }) {
  return `${serverKey}:${clientScope}:${typeof requestId}:${String(requestId)}`;
}

export interface TrackedCall {
  signal: AbortSignal;
  done(): void;
}

/** Registers a running call; a flag left by another instance aborts it within about `pollMs`. */
export function trackCall(key: string, { kv, pollMs }: { kv: Kv; pollMs: number }): TrackedCall {
  const watcher = watcherFor(kv);
  const call: RunningCall = { controller: new AbortController(), flag: kvKeys.mcpCancel(key), pollMs };
  watcher.calls.add(call);
  running.set(key, call);
  schedule(watcher, kv, pollMs);
  return {
    signal: call.controller.signal,
    done() {
      watcher.calls.delete(call);
      if (running.get(key) === call) running.delete(key);
      if (watcher.calls.size === 0) stop(watcher);
    },
  };
}

/** True when the call ran here and was aborted; otherwise the flag is left for the instance running it. */
export async function cancelCall(key: string, kv: Kv): Promise<boolean> {
  const call = running.get(key);
  if (call) {
    call.controller.abort(new Error("cancelled by the client"));
    return true;
  }
  await kv.set(kvKeys.mcpCancel(key), "1", { ttlSeconds: flagSeconds }).catch((error: unknown) => {
    console.warn("[mcp_server:cancel] could not pass a cancellation to other instances", String(error));
  });
  return false;
}

function watcherFor(kv: Kv): Watcher {
  let watcher = watchers.get(kv);
  if (!watcher) {
    watcher = { calls: new Set(), dueAt: 0, checking: false };
    watchers.set(kv, watcher);
  }
  return watcher;
}

function schedule(watcher: Watcher, kv: Kv, pollMs: number) {
  // A check in progress schedules the next one itself when it ends.
  if (watcher.checking) return;
  const dueAt = Date.now() + pollMs;
  if (watcher.timer && watcher.dueAt <= dueAt) return;
  clearTimeout(watcher.timer);
  watcher.dueAt = dueAt;
  watcher.timer = setTimeout(() => void check(watcher, kv), pollMs);
  watcher.timer.unref?.();
}

function stop(watcher: Watcher) {
  clearTimeout(watcher.timer);
  watcher.timer = undefined;
}

async function check(watcher: Watcher, kv: Kv) {
  watcher.timer = undefined;
  const calls = [...watcher.calls];
  if (calls.length === 0) return;
  watcher.checking = true;
  try {
    const flags = await kv.getMany(calls.map((call) => call.flag));
    calls.forEach((call, index) => {
      if (flags[index]) call.controller.abort(new Error("cancelled by the client"));
    });
  } catch {
    // Best effort: a KV outage must not fail the calls, and the same instance aborts without it.
  } finally {
    watcher.checking = false;
  }
  let pollMs = Infinity;
  for (const call of watcher.calls) pollMs = Math.min(pollMs, call.pollMs);
  if (pollMs !== Infinity) schedule(watcher, kv, pollMs);
}

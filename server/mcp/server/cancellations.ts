// notifications/cancelled (MCP 2025-06-18, utilities/cancellation) arrives in a request of its own, maybe at another
// instance than the one running the call. The running call's own instance aborts it at once; any other instance
// leaves a short-lived KV flag that the running call polls for.
import "server-only";
import type { Kv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";

const running = new Map<string, AbortController>();
// Long enough for a poll to see it; short, since a client never reuses a request id within its session.
const flagSeconds = 60;

/** Names one request of one client of one server: request ids alone collide across clients. */
export function callKey({ serverKey, clientScope, requestId }: { serverKey: string; clientScope: string; requestId: string | number }) {
  return `${serverKey}:${clientScope}:${typeof requestId}:${String(requestId)}`;
}

export interface TrackedCall {
  signal: AbortSignal;
  done(): void;
}

export function trackCall(key: string, { kv, pollMs }: { kv: Kv; pollMs: number }): TrackedCall {
  const controller = new AbortController();
  running.set(key, controller);
  const flag = kvKeys.mcpCancel(key);
  const timer = setInterval(() => {
    kv.get(flag)
      .then((value) => {
        if (value) controller.abort(new Error("cancelled by the client"));
      })
      // Polling is best effort: a KV outage must not fail the call, and the same instance aborts without it.
      .catch(() => {});
  }, pollMs);
  timer.unref?.();
  return {
    signal: controller.signal,
    done() {
      clearInterval(timer);
      if (running.get(key) === controller) running.delete(key);
    },
  };
}

/** True when the call ran here and was aborted; otherwise the flag is left for the instance running it. */
export async function cancelCall(key: string, kv: Kv): Promise<boolean> {
  const controller = running.get(key);
  if (controller) {
    controller.abort(new Error("cancelled by the client"));
    return true;
  }
  await kv.set(kvKeys.mcpCancel(key), "1", { ttlSeconds: flagSeconds }).catch((error: unknown) => {
    console.warn("[mcp_server:cancel] could not pass a cancellation to other instances", String(error));
  });
  return false;
}

// A published server's API keys (RFC 6750 bearer keys, "API key" access mode; access.ts picks the mode) and a
// fixed-window limit per server in the KV store, shared by every instance.
import "server-only";
import { getDb } from "@/server/db";
import { touchServerKey } from "@/server/db/queries/published-servers";
import type { Kv } from "@/server/kv";
import { rateLimit } from "@/server/kv/rate-limit";
import type { Endpoint } from "./endpoint";
import { jsonRpcError } from "./http-checks";

// lastUsedAt is for people: writing it at most once a minute keeps busy keys off the write path.
const touchIntervalMs = 60_000;

/**
 * 401 unless the request brings one of the server's keys (a server in "API key" mode without any key refuses
 * everyone until its owner creates one); null when it may go on.
 */
export function authorizeKey(endpoint: Pick<Endpoint, "keyId" | "keyLastUsedAt">, bearer: string | null): Response | null {
  if (!endpoint.keyId) {
    // RFC 6750 §3.1: name the error only when a token was sent.
    const challenge = bearer ? 'Bearer realm="mcp", error="invalid_token"' : 'Bearer realm="mcp"';
    const message = bearer ? "Unauthorized: this API key is not valid for this server." : "Unauthorized: this server needs an API key (Authorization: Bearer <key>).";
    return jsonRpcError(401, -32001, message, { headers: { "WWW-Authenticate": challenge } });
  }
  if (!endpoint.keyLastUsedAt || Date.now() - endpoint.keyLastUsedAt.getTime() > touchIntervalMs) {
    const id = endpoint.keyId;
    // The row may be the endpoint cache's: the next requests then see the touch and skip theirs.
    endpoint.keyLastUsedAt = new Date();
    void getDb()
      .then((db) => touchServerKey(db, { id }))
      .catch((error: unknown) => console.warn("[mcp_server:key] could not record key use", String(error)));
  }
  return null;
}

/** `cost`: how many messages this check stands for; every message of a batch counts as a call. */
export async function limitRate(kv: Kv, serverKey: string, { limit, windowSeconds }: { limit: number; windowSeconds: number }, cost = 1): Promise<Response | null> {
  const result = await rateLimit(kv, { bucket: "mcp_server", id: serverKey, limit, windowSeconds, cost });
  if (result.ok) return null;
  const retryAfter = Math.max(1, result.retryAfter);
  return jsonRpcError(429, -32000, `Too many requests to this server: retry in ${retryAfter} seconds.`, { headers: { "Retry-After": String(retryAfter) } });
}

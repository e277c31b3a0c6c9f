// The endpoint's lookup (server, apps, published versions and their model providers, key: load-endpoint.ts) cached
// in each instance, so a busy server does not cost a database query per request, while Disable, Regenerate, a new
// version, a revoked key, an app switched off the workspace server or an edited model provider still take effect on
// every instance at the next request. Each server (an app's, and the workspace's) has a generation in the KV store
// that every such change replaces; a cached row is used only while the generation read for this
// request is the one it was cached under. A KV read costs less than the query it replaces; without the KV store
// nothing is cached. The one case a generation cannot cover, a change made while the KV store is unreachable, is
// bounded by a row's maximum age.
import "server-only";
import { randomUUID } from "node:crypto";
import { getDb, type Db } from "@/server/db";
import { listPublishedAppIds } from "@/server/db/queries/published-servers";
import { getKv, type Kv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";
import { workspaceServerKey, type Endpoint } from "./endpoint";
import { loadEndpoint } from "./load-endpoint";

const maxEntries = 1_000;
const maxAgeMs = 30_000;
// A lapsed generation is simply created again, and no cached row can match the new one.
const generationTtlSeconds = 30 * 24 * 3600;
// A code belongs to one server for good (a new code is a new random value), so this mapping never goes stale.
const serverKeyByCode = new Map<string, string>();
const rows = new Map<string, { generation: string; cachedAt: number; row: Endpoint }>();

function remember<V>(map: Map<string, V>, key: string, value: V) {
  map.delete(key);
  map.set(key, value);
  // Oldest first in a Map: drop it beyond the bound.
  if (map.size > maxEntries) map.delete(map.keys().next().value!);
}

/**
 * The endpoint for a code and key. A cached row is used only under this request's read of its server's generation;
 * a code this instance has not seen yet (or a KV store that failed) means a database query.
 */
export async function findEndpoint(kv: Kv, { codeHash, keyHash }: { codeHash: string; keyHash: string }) {
  const serverKey = serverKeyByCode.get(codeHash);
  const generation = serverKey ? await readGeneration(kv, serverKey) : null;
  const fresh = (entry: { generation: string; cachedAt: number } | undefined) => generation && entry?.generation === generation && Date.now() - entry.cachedAt < maxAgeMs;
  // Only an API-key server's row depends on the bearer; any other mode is served from the key-less entry, so
  // sign-in callers' tokens (many, short-lived) neither miss the cache nor push real entries out.
  const keyless = rows.get(`${codeHash}:`);
  if (fresh(keyless) && keyless!.row.accessMode !== "api_key") return keyless!.row;
  const cacheKey = `${codeHash}:${keyHash}`;
  const cached = rows.get(cacheKey);
  if (fresh(cached)) return cached!.row;
  const row = await loadEndpoint(await getDb(), { codeHash, keyHash });
  if (!row) {
    // A regenerated or deleted code: forget it, so its requests are not tied to the server any more.
    rows.delete(cacheKey);
    serverKeyByCode.delete(codeHash);
    return null;
  }
  remember(serverKeyByCode, codeHash, row.serverKey);
  // Stored under the generation read before this query: a change committed meanwhile has replaced it already. A
  // bearer key that matches nothing is not stored: made-up keys must not push real entries out.
  if (generation && row.accessMode !== "api_key") remember(rows, `${codeHash}:`, { generation, cachedAt: Date.now(), row });
  else if (generation && (!keyHash || row.keyId)) remember(rows, cacheKey, { generation, cachedAt: Date.now(), row });
  return row;
}

/** This request's generation for the server; a missing one is created, and then nothing cached can match it. */
async function readGeneration(kv: Kv, serverKey: string): Promise<string | null> {
  try {
    const key = kvKeys.endpointGeneration(serverKey);
    const current = await kv.get(key);
    if (current) return current;
    await kv.setIfAbsent(key, randomUUID(), { ttlSeconds: generationTtlSeconds });
    return null;
  } catch {
    // The KV store is away: no change can be seen, so nothing cached may be trusted.
    rows.clear();
    return null;
  }
}

/**
 * Wraps every change to what an endpoint serves: an app's (which the workspace server may offer too, so both are
 * announced) or, with `appId: null`, only the workspace server's. The generation is replaced before the write and
 * again after it: a row cached in between (old data under the first new generation) is then not used again. When
 * the KV store is unreachable the change still goes through (the console keeps working); instances that cannot read
 * the store do not use their cache, and those that cached a row before the outage drop it within maxAgeMs.
 */
export function changeEndpoint<T>({ workspaceId, appId }: { workspaceId: string; appId: string | null }, write: (db: Db) => Promise<T>): Promise<T> {
  return announceAround([...(appId ? [appId] : []), workspaceServerKey(workspaceId)], write);
}

/**
 * changeEndpoint for what every published app of a workspace may serve: its model providers. A server enabled while
 * this runs is not announced to; like any missed announcement, that is bounded by maxAgeMs.
 */
export async function changeWorkspaceEndpoints<T>(workspaceId: string, write: (db: Db) => Promise<T>): Promise<T> {
  const appIds = await listPublishedAppIds(await getDb(), { workspaceId });
  return announceAround([...appIds, workspaceServerKey(workspaceId)], write);
}

async function announceAround<T>(serverKeys: string[], write: (db: Db) => Promise<T>): Promise<T> {
  const db = await getDb();
  await Promise.all(serverKeys.map(announceChange));
  const result = await write(db);
  await Promise.all(serverKeys.map(announceChange));
  return result;
}

async function announceChange(serverKey: string) {
  rows.clear(); // this instance sees its own change at once, whatever the store does
  await getKv()
    .set(kvKeys.endpointGeneration(serverKey), randomUUID(), { ttlSeconds: generationTtlSeconds })
    .catch((error: unknown) => {
      console.error(`[mcp_server:endpoint_cache] could not announce a change to other instances; it reaches them within ${maxAgeMs / 1000} s`, String(error));
    });
}

// The endpoint's lookup (server, app, published version and its model provider, key) cached in each instance, so a
// busy server does not cost a database query per request, while Disable, Regenerate, a new version, a revoked key
// or an edited model provider still take effect on every instance at the next request. Each app has a generation in
// the KV store that every such change replaces; a cached row is used only while the generation read for this
// request is the one it was cached under. A KV read costs less than the query it replaces; without the KV store
// nothing is cached. The one case a generation cannot cover, a change made while the KV store is unreachable, is
// bounded by a row's maximum age.
import "server-only";
import { randomUUID } from "node:crypto";
import { getDb, type Db } from "@/server/db";
import { findEndpointByCodeHash, listPublishedAppIds, type EndpointRow } from "@/server/db/queries/published-servers";
import { getKv, type Kv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";

const maxEntries = 1_000;
const maxAgeMs = 30_000;
// A lapsed generation is simply created again, and no cached row can match the new one.
const generationTtlSeconds = 30 * 24 * 3600;
// A code belongs to one app for good (a new code is a new random value), so this mapping never goes stale.
const appIdByCode = new Map<string, string>();
const rows = new Map<string, { generation: string; cachedAt: number; row: EndpointRow }>();

function remember<V>(map: Map<string, V>, key: string, value: V) {
  map.delete(key);
  map.set(key, value);
  // Oldest first in a Map: drop it beyond the bound.
  if (map.size > maxEntries) map.delete(map.keys().next().value!);
}

/**
 * The endpoint for a code and key. A cached row is used only under this request's read of its app's generation;
 * a code this instance has not seen yet (or a KV store that failed) means a database query.
 */
export async function findEndpoint(kv: Kv, { codeHash, keyHash }: { codeHash: string; keyHash: string }) {
  const appId = appIdByCode.get(codeHash);
  const generation = appId ? await readGeneration(kv, appId) : null;
  const fresh = (entry: { generation: string; cachedAt: number } | undefined) => generation && entry?.generation === generation && Date.now() - entry.cachedAt < maxAgeMs;
  // Only an API-key server's row depends on the bearer; any other mode is served from the key-less entry, so
  // sign-in callers' tokens (many, short-lived) neither miss the cache nor push real entries out.
  const keyless = rows.get(`${codeHash}:`);
  if (fresh(keyless) && keyless!.row.accessMode !== "api_key") return keyless!.row;
  const cacheKey = `${codeHash}:${keyHash}`;
  const cached = rows.get(cacheKey);
  if (fresh(cached)) return cached!.row;
  const row = await findEndpointByCodeHash(await getDb(), { codeHash, keyHash });
  if (!row) {
    // A regenerated or deleted code: forget it, so its requests are not tied to the app any more.
    rows.delete(cacheKey);
    appIdByCode.delete(codeHash);
    return null;
  }
  remember(appIdByCode, codeHash, row.appId);
  // Stored under the generation read before this query: a change committed meanwhile has replaced it already. A
  // bearer key that matches nothing is not stored: made-up keys must not push real entries out.
  if (generation && row.accessMode !== "api_key") remember(rows, `${codeHash}:`, { generation, cachedAt: Date.now(), row });
  else if (generation && (!keyHash || row.keyId)) remember(rows, cacheKey, { generation, cachedAt: Date.now(), row });
  return row;
}

/** This request's generation for the app; a missing one is created, and then nothing cached can match it. */
async function readGeneration(kv: Kv, appId: string): Promise<string | null> {
  try {
    const key = kvKeys.endpointGeneration(appId);
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
 * Wraps every change to what an app's endpoint serves. The generation is replaced before the write and again after
 * it: a row cached in between (old data under the first new generation) is then not used again. When the KV store
 * is unreachable the change still goes through (the console keeps working); instances that cannot read the store
 * do not use their cache, and those that cached a row before the outage drop it within maxAgeMs.
 */
export function changeEndpoint<T>(appId: string, write: (db: Db) => Promise<T>): Promise<T> {
  return announceAround([appId], write);
}

/**
 * changeEndpoint for what every published app of a workspace may serve: its model providers. A server enabled while
 * this runs is not announced to; like any missed announcement, that is bounded by maxAgeMs.
 */
export async function changeWorkspaceEndpoints<T>(workspaceId: string, write: (db: Db) => Promise<T>): Promise<T> {
  return announceAround(await listPublishedAppIds(await getDb(), { workspaceId }), write);
}

async function announceAround<T>(appIds: string[], write: (db: Db) => Promise<T>): Promise<T> {
  const db = await getDb();
  await Promise.all(appIds.map(announceChange));
  const result = await write(db);
  await Promise.all(appIds.map(announceChange));
  return result;
}

async function announceChange(appId: string) {
  rows.clear(); // this instance sees its own change at once, whatever the store does
  await getKv()
    .set(kvKeys.endpointGeneration(appId), randomUUID(), { ttlSeconds: generationTtlSeconds })
    .catch((error: unknown) => {
      console.error(`[mcp_server:endpoint_cache] could not announce a change to other instances; it reaches them within ${maxAgeMs / 1000} s`, String(error));
    });
}

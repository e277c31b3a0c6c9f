// Workspace API keys: shown once at creation, kept only as a hash, acting with the role chosen at creation.
import "server-only";
import type { Tx } from "@/server/db";
import { getActiveApiKeyByHash, insertApiKey, touchApiKey } from "@/server/db/queries/api-keys";
import type { Role } from "@/server/db/schema";
import { generateToken, hashToken } from "@/server/crypto/tokens";
import { assertRole } from "@/server/auth/roles";

const keyPrefix = "sy_";
// lastUsedAt is for people, not audits: writing it at most once a minute keeps hot keys off the write path.
const touchIntervalMs = 60_000;

export async function createApiKey(
  db: Tx,
  input: { workspaceId: string; name: string; role: Role; createdBy: string | null; creatorRole: Role },
) {
  assertRole(input.creatorRole, input.role, "api_key");
  const key = generateToken(keyPrefix);
  const row = await insertApiKey(db, {
    workspaceId: input.workspaceId,
    name: input.name,
    role: input.role,
    createdBy: input.createdBy,
    prefix: key.slice(0, keyPrefix.length + 6),
    keyHash: hashToken(key),
  });
  return { ...row, key };
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(keyPrefix) && token.length > keyPrefix.length + 20 && token.length < 200;
}

/** The key's workspace and role, or null for an unknown or revoked key. */
export async function authenticateApiKey(db: Tx, token: string) {
  if (!looksLikeApiKey(token)) return null;
  const row = await getActiveApiKeyByHash(db, { keyHash: hashToken(token) });
  if (!row) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > touchIntervalMs) {
    await touchApiKey(db, { id: row.id });
  }
  return { apiKeyId: row.id, workspaceId: row.workspaceId, role: row.role };
}

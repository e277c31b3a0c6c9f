// Workspace API keys: shown once at creation, kept only as a hash, acting with the role chosen at creation, and
// only for as long as the person who made them is still a member with at least that role.
import "server-only";
import type { Tx } from "@/server/db";
import { getActiveApiKeyByHash, insertApiKey, revokeApiKey, touchApiKey } from "@/server/db/queries/api-keys";
import type { Role } from "@/server/db/schema";
import { generateToken, hashToken } from "@/server/crypto/tokens";
import { assertRole, hasRole } from "@/server/auth/roles";

const keyPrefix = "sy_";
// lastUsedAt is for people, not audits: writing it at most once a minute keeps hot keys off the write path.
const touchIntervalMs = 60_000;
const dayMs = 24 * 60 * 60 * 1000;

export const apiKeyLifetimes = [30, 90, 365] as const;

export async function createApiKey(
  db: Tx,
  input: {
    workspaceId: string;
    name: string;
    role: Role;
    /** Always a person: a key dies with its creator's membership, so a key without one would never die. */
    createdBy: string;
    creatorRole: Role;
    expiresInDays?: number | null;
  },
) {
  assertRole(input.creatorRole, input.role, "api_key");
  const key = generateToken(keyPrefix);
  const row = await insertApiKey(db, {
    workspaceId: input.workspaceId,
    name: input.name,
    role: input.role,
    createdBy: input.createdBy,
    expiresAt: input.expiresInDays ? new Date(Date.now() + input.expiresInDays * dayMs) : null,
    prefix: key.slice(0, keyPrefix.length + 6),
    keyHash: hashToken(key),
  });
  return { ...row, key };
}

export function looksLikeApiKey(token: string): boolean {
  return token.startsWith(keyPrefix) && token.length > keyPrefix.length + 20 && token.length < 200;
}

/** The key's workspace and role, or null for an unknown, revoked, expired or orphaned key. */
export async function authenticateApiKey(db: Tx, token: string) {
  if (!looksLikeApiKey(token)) return null;
  const row = await getActiveApiKeyByHash(db, { keyHash: hashToken(token) });
  if (!row) return null;
  if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return null;
  // Member removal and demotion revoke keys in the same transaction; this catches what that cannot see: a
  // deleted user (created_by set null), a membership changed outside the app, or keys older than that rule.
  if (!row.creatorRole || !hasRole(row.creatorRole, row.role)) {
    await revokeApiKey(db, { workspaceId: row.workspaceId, id: row.id });
    return null;
  }
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > touchIntervalMs) {
    await touchApiKey(db, { id: row.id });
  }
  return { apiKeyId: row.id, workspaceId: row.workspaceId, role: row.role };
}

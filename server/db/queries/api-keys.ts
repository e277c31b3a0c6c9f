import "server-only";
import { and, desc, eq, gt, inArray, isNull, or, sql } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { apiKeys, memberships, users, type NewApiKey, type Role } from "@/server/db/schema";

const publicColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  role: apiKeys.role,
  lastUsedAt: apiKeys.lastUsedAt,
  expiresAt: apiKeys.expiresAt,
  createdAt: apiKeys.createdAt,
};

export async function insertApiKey(db: Tx, values: NewApiKey) {
  const [row] = await db.insert(apiKeys).values(values).returning(publicColumns);
  return row!;
}

/** Active and expired keys (expired ones are shown as such), with who made them. */
export async function listApiKeys(db: Tx, { workspaceId }: { workspaceId: string }) {
  return db
    .select({ ...publicColumns, creatorName: users.name, creatorEmail: users.email })
    .from(apiKeys)
    .leftJoin(users, eq(users.id, apiKeys.createdBy))
    .where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt));
}

/**
 * An unrevoked key by hash, with its creator's current role in the key's workspace (null when the creator left,
 * was deleted, or never was a member): the caller decides whether the key still stands.
 */
export async function getActiveApiKeyByHash(db: Tx, { keyHash }: { keyHash: string }) {
  const [row] = await db
    .select({ key: apiKeys, creatorRole: memberships.role })
    .from(apiKeys)
    .leftJoin(
      memberships,
      and(eq(memberships.workspaceId, apiKeys.workspaceId), eq(memberships.userId, apiKeys.createdBy)),
    )
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
  return row ? { ...row.key, creatorRole: row.creatorRole } : null;
}

export async function touchApiKey(db: Tx, { id }: { id: string }) {
  await db.update(apiKeys).set({ lastUsedAt: new Date() }).where(eq(apiKeys.id, id));
}

export async function revokeApiKey(db: Tx, { workspaceId, id }: { workspaceId: string; id: string }) {
  const [row] = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(and(eq(apiKeys.workspaceId, workspaceId), eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
    .returning({ id: apiKeys.id });
  return row ?? null;
}

interface CreatorKeys {
  workspaceId: string;
  createdBy: string;
  /** Only keys with one of these roles; all of the creator's keys when absent. */
  roles?: Role[];
}

function creatorKeysWhere({ workspaceId, createdBy, roles }: CreatorKeys) {
  return and(
    eq(apiKeys.workspaceId, workspaceId),
    eq(apiKeys.createdBy, createdBy),
    isNull(apiKeys.revokedAt),
    roles ? (roles.length > 0 ? inArray(apiKeys.role, roles) : sql`false`) : undefined,
  );
}

/** Keys that still work: expired ones are revoked along with the rest but are not worth a warning. */
export async function countCreatorApiKeys(db: Tx, input: CreatorKeys) {
  const live = or(isNull(apiKeys.expiresAt), gt(apiKeys.expiresAt, sql`now()`));
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(apiKeys)
    .where(and(creatorKeysWhere(input), live));
  return row?.count ?? 0;
}

export async function revokeCreatorApiKeys(db: Tx, input: CreatorKeys) {
  const rows = await db
    .update(apiKeys)
    .set({ revokedAt: new Date() })
    .where(creatorKeysWhere(input))
    .returning({ id: apiKeys.id });
  return rows.length;
}

import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { apiKeys, type NewApiKey } from "@/server/db/schema";

const publicColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  prefix: apiKeys.prefix,
  role: apiKeys.role,
  lastUsedAt: apiKeys.lastUsedAt,
  createdAt: apiKeys.createdAt,
};

export async function insertApiKey(db: Tx, values: NewApiKey) {
  const [row] = await db.insert(apiKeys).values(values).returning(publicColumns);
  return row!;
}

export async function listApiKeys(db: Tx, { workspaceId }: { workspaceId: string }) {
  return db
    .select(publicColumns)
    .from(apiKeys)
    .where(and(eq(apiKeys.workspaceId, workspaceId), isNull(apiKeys.revokedAt)))
    .orderBy(desc(apiKeys.createdAt));
}

export async function getActiveApiKeyByHash(db: Tx, { keyHash }: { keyHash: string }) {
  const [row] = await db
    .select()
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt)));
  return row ?? null;
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

import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { preparedPerDb } from "@/server/db/prepared";
import { modelProviders, workspaces, type ModelProvider, type NewModelProvider } from "@/server/db/schema";

type ProviderChanges = Partial<Pick<ModelProvider, "kind" | "name" | "baseUrl" | "apiKeyCiphertext" | "models">>;

export async function listModelProviders(db: Tx, { workspaceId }: { workspaceId: string }) {
  return db.select().from(modelProviders).where(eq(modelProviders.workspaceId, workspaceId)).orderBy(asc(modelProviders.createdAt));
}

const providerQuery = preparedPerDb((db) =>
  db
    .select()
    .from(modelProviders)
    .where(and(eq(modelProviders.workspaceId, sql.placeholder("workspaceId")), eq(modelProviders.id, sql.placeholder("id"))))
    .prepare("model_provider"),
);

/** Read for every model call (published tools/call included), so a changed or deleted provider applies at once. */
export async function getModelProvider(db: Tx, { workspaceId, id }: { workspaceId: string; id: string }) {
  const [row] = await providerQuery(db).execute({ workspaceId, id });
  return row ?? null;
}

export async function insertModelProvider(db: Tx, values: NewModelProvider & { workspaceId: string }) {
  const [row] = await db.insert(modelProviders).values(values).returning();
  return row!;
}

export async function updateModelProvider(db: Tx, { workspaceId, id, ...changes }: { workspaceId: string; id: string } & ProviderChanges) {
  const [row] = await db
    .update(modelProviders)
    .set({ ...changes, updatedAt: new Date() })
    .where(and(eq(modelProviders.workspaceId, workspaceId), eq(modelProviders.id, id)))
    .returning();
  return row ?? null;
}

export async function deleteModelProvider(db: Tx, { workspaceId, id }: { workspaceId: string; id: string }) {
  const rows = await db
    .delete(modelProviders)
    .where(and(eq(modelProviders.workspaceId, workspaceId), eq(modelProviders.id, id)))
    .returning({ id: modelProviders.id });
  return rows.length > 0;
}

/** Pass nulls to clear. With `onlyIfProviderId`, changes the default only while it points at that provider. */
export async function setWorkspaceDefaultModel(
  db: Tx,
  { workspaceId, providerId, model, onlyIfProviderId }: { workspaceId: string; providerId: string | null; model: string | null; onlyIfProviderId?: string },
) {
  const scope = eq(workspaces.id, workspaceId);
  await db
    .update(workspaces)
    .set({ defaultModelProviderId: providerId, defaultModel: model })
    .where(onlyIfProviderId ? and(scope, eq(workspaces.defaultModelProviderId, onlyIfProviderId)) : scope);
}

export async function getWorkspaceDefaultModel(db: Tx, { workspaceId }: { workspaceId: string }) {
  const [row] = await db
    .select({ providerId: workspaces.defaultModelProviderId, model: workspaces.defaultModel })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return row?.providerId && row.model ? { providerId: row.providerId, model: row.model } : null;
}

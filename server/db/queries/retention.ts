// The retention job's statements. Each delete removes at most `limit` rows picked by a (workspace_id, timestamp)
// predicate and commits on its own, so its row locks last one short statement and no table is ever locked whole.
// `id = any(array(select ... limit n))`, not `id in (select ...)`: the planner may answer IN with a hash join that
// reads the whole table for every batch, while an array of ids is looked up through the primary key.
import "server-only";
import { and, eq, isNotNull, lt, sql } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { conversations, mcpCallLogs, workspaces } from "@/server/db/schema";

export async function listWorkspacesWithRetention(db: Tx) {
  const rows = await db
    .select({ id: workspaces.id, retentionDays: workspaces.retentionDays })
    .from(workspaces)
    .where(isNotNull(workspaces.retentionDays));
  return rows.map((row) => ({ id: row.id, retentionDays: row.retentionDays! }));
}

type Batch = { workspaceId: string; before: Date; limit: number };

export async function deleteCallLogBatch(db: Tx, { workspaceId, before, limit }: Batch): Promise<number> {
  const ids = db
    .select({ id: mcpCallLogs.id })
    .from(mcpCallLogs)
    .where(and(eq(mcpCallLogs.workspaceId, workspaceId), lt(mcpCallLogs.createdAt, before)))
    .limit(limit);
  const rows = await db.delete(mcpCallLogs).where(sql`${mcpCallLogs.id} = any(array(${ids}))`).returning({ id: mcpCallLogs.id });
  return rows.length;
}

/**
 * A conversation's age is its last activity (updated_at), so one still in use keeps its whole history. Its messages
 * and their tool calls go with it through the foreign keys' ON DELETE CASCADE (both have an index on the key).
 */
export async function deleteConversationBatch(db: Tx, { workspaceId, before, limit }: Batch): Promise<number> {
  const ids = db
    .select({ id: conversations.id })
    .from(conversations)
    .where(and(eq(conversations.workspaceId, workspaceId), lt(conversations.updatedAt, before)))
    .limit(limit);
  const rows = await db.delete(conversations).where(sql`${conversations.id} = any(array(${ids}))`).returning({ id: conversations.id });
  return rows.length;
}

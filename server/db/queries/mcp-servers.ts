import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { mcpServers, type McpServer, type NewMcpServer } from "@/server/db/schema";

export async function listMcpServers(db: Tx, { workspaceId }: { workspaceId: string }) {
  return db.select().from(mcpServers).where(eq(mcpServers.workspaceId, workspaceId)).orderBy(asc(mcpServers.createdAt));
}

export async function getMcpServer(db: Tx, { workspaceId, id }: { workspaceId: string; id: string }) {
  const [row] = await db.select().from(mcpServers).where(and(eq(mcpServers.workspaceId, workspaceId), eq(mcpServers.id, id)));
  return row ?? null;
}

export async function insertMcpServer(db: Tx, values: NewMcpServer) {
  const [row] = await db.insert(mcpServers).values(values).returning();
  return row!;
}

export async function updateMcpServer(
  db: Tx,
  { workspaceId, id, ...values }: { workspaceId: string; id: string } & Partial<Omit<McpServer, "id" | "workspaceId" | "createdAt">>,
) {
  const [row] = await db
    .update(mcpServers)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(mcpServers.workspaceId, workspaceId), eq(mcpServers.id, id)))
    .returning();
  return row ?? null;
}

/** The server said its tools changed (list_changed): only the mark moves, not the row's "updated" time. */
export async function markMcpServerToolsChanged(db: Tx, { workspaceId, id, at }: { workspaceId: string; id: string; at: Date }) {
  await db
    .update(mcpServers)
    .set({ toolsChangedAt: at })
    .where(and(eq(mcpServers.workspaceId, workspaceId), eq(mcpServers.id, id)));
}

export async function deleteMcpServer(db: Tx, { workspaceId, id }: { workspaceId: string; id: string }) {
  const rows = await db
    .delete(mcpServers)
    .where(and(eq(mcpServers.workspaceId, workspaceId), eq(mcpServers.id, id)))
    .returning({ id: mcpServers.id });
  return rows.length > 0;
}

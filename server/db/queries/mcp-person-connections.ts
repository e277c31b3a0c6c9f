// A person's own tokens for a per-person MCP server (mcp_person_connections), always scoped by workspace.
import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { mcpPersonConnections, type McpPersonConnection } from "@/server/db/schema";

type Key = { workspaceId: string; serverId: string; userId: string };

export async function getPersonConnection(db: Tx, { workspaceId, serverId, userId }: Key) {
  const [row] = await db
    .select()
    .from(mcpPersonConnections)
    .where(and(eq(mcpPersonConnections.workspaceId, workspaceId), eq(mcpPersonConnections.serverId, serverId), eq(mcpPersonConnections.userId, userId)));
  return row ?? null;
}

export async function listPersonConnectionsOf(db: Tx, { workspaceId, userId }: { workspaceId: string; userId: string }) {
  return db.select().from(mcpPersonConnections).where(and(eq(mcpPersonConnections.workspaceId, workspaceId), eq(mcpPersonConnections.userId, userId)));
}

/** Creates the person's row or changes it. */
export async function upsertPersonConnection(db: Tx, key: Key & Partial<Omit<McpPersonConnection, "serverId" | "userId" | "workspaceId" | "createdAt">>) {
  const { workspaceId, serverId, userId, ...values } = key;
  const [row] = await db
    .insert(mcpPersonConnections)
    .values({ workspaceId, serverId, userId, ...values })
    .onConflictDoUpdate({ target: [mcpPersonConnections.serverId, mcpPersonConnections.userId], set: { ...values, updatedAt: new Date() } })
    .returning();
  return row!;
}

/** Changes the person's row if they have one; never creates one (someone who never connected, or who left). */
export async function updatePersonConnection(db: Tx, key: Key & Partial<Omit<McpPersonConnection, "serverId" | "userId" | "workspaceId" | "createdAt">>) {
  const { workspaceId, serverId, userId, ...values } = key;
  await db
    .update(mcpPersonConnections)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(mcpPersonConnections.workspaceId, workspaceId), eq(mcpPersonConnections.serverId, serverId), eq(mcpPersonConnections.userId, userId)));
}

export async function deletePersonConnection(db: Tx, { workspaceId, serverId, userId }: Key) {
  await db
    .delete(mcpPersonConnections)
    .where(and(eq(mcpPersonConnections.workspaceId, workspaceId), eq(mcpPersonConnections.serverId, serverId), eq(mcpPersonConnections.userId, userId)));
}

/** The server's address, client or credential scope changed: nobody's tokens fit any more. */
export async function deletePersonConnectionsOfServer(db: Tx, { workspaceId, serverId }: { workspaceId: string; serverId: string }) {
  await db.delete(mcpPersonConnections).where(and(eq(mcpPersonConnections.workspaceId, workspaceId), eq(mcpPersonConnections.serverId, serverId)));
}

/** Someone left the workspace: every token they connected in it goes at once. */
export async function deletePersonConnectionsOf(db: Tx, { workspaceId, userId }: { workspaceId: string; userId: string }) {
  const rows = await db
    .delete(mcpPersonConnections)
    .where(and(eq(mcpPersonConnections.workspaceId, workspaceId), eq(mcpPersonConnections.userId, userId)))
    .returning({ serverId: mcpPersonConnections.serverId });
  return rows.length;
}

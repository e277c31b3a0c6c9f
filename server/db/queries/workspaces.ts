import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { memberships, users, workspaces, type Role } from "@/server/db/schema";

export async function insertWorkspace(db: Tx, { name }: { name: string }) {
  const [workspace] = await db.insert(workspaces).values({ name }).returning();
  return workspace!;
}

export async function getWorkspace(db: Tx, { workspaceId }: { workspaceId: string }) {
  const [workspace] = await db.select().from(workspaces).where(eq(workspaces.id, workspaceId));
  return workspace ?? null;
}

export async function updateWorkspaceName(db: Tx, { workspaceId, name }: { workspaceId: string; name: string }) {
  const [workspace] = await db.update(workspaces).set({ name }).where(eq(workspaces.id, workspaceId)).returning();
  return workspace ?? null;
}

/** `retentionDays` null keeps call logs and conversations forever. */
export async function updateWorkspaceRetention(db: Tx, { workspaceId, retentionDays }: { workspaceId: string; retentionDays: number | null }) {
  const [workspace] = await db.update(workspaces).set({ retentionDays }).where(eq(workspaces.id, workspaceId)).returning();
  return workspace ?? null;
}

export async function listWorkspacesForUser(db: Tx, { userId }: { userId: string }) {
  return db
    .select({ id: workspaces.id, name: workspaces.name, role: memberships.role, createdAt: workspaces.createdAt })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt));
}

export async function getMembership(db: Tx, { workspaceId, userId }: { workspaceId: string; userId: string }) {
  const [row] = await db
    .select({ workspaceId: workspaces.id, workspaceName: workspaces.name, role: memberships.role })
    .from(memberships)
    .innerJoin(workspaces, eq(workspaces.id, memberships.workspaceId))
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)));
  return row ?? null;
}

export async function insertMembership(db: Tx, values: { workspaceId: string; userId: string; role: Role }) {
  await db.insert(memberships).values(values).onConflictDoNothing();
}

export async function listMembers(db: Tx, { workspaceId }: { workspaceId: string }) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, workspaceId))
    .orderBy(asc(memberships.createdAt));
}

export async function updateMemberRole(db: Tx, values: { workspaceId: string; userId: string; role: Role }) {
  const [row] = await db
    .update(memberships)
    .set({ role: values.role })
    .where(and(eq(memberships.workspaceId, values.workspaceId), eq(memberships.userId, values.userId)))
    .returning();
  return row ?? null;
}

export async function deleteMembership(db: Tx, { workspaceId, userId }: { workspaceId: string; userId: string }) {
  const rows = await db
    .delete(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .returning();
  return rows.length > 0;
}

export async function countOwners(db: Tx, { workspaceId }: { workspaceId: string }) {
  const [row] = await db
    .select({ count: sql<number>`count(*)::int` })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.role, "owner")));
  return row?.count ?? 0;
}

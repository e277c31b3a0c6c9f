import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { memberships, publishedServerPeople, publishedServers, users, workspaceServers, type PublishedServer } from "@/server/db/schema";
import { ofServer } from "./of-server";

// Who may call a published server (an app's, or the workspace's with appId null): its access mode and, for a
// sign-in server restricted to chosen people, those people; and its approval policy, on the same row. Changes go
// through changeEndpoint
// (server/mcp/server/endpoint-cache.ts), which the caller owns.

type ServerRef = { workspaceId: string; appId: string | null };

/**
 * These settings live on the server's own row: published_servers for an app, workspace_servers for the workspace.
 * Null when the server was never turned on (it has no row to hold them).
 */
export async function updateServerSettings(
  db: Tx,
  { workspaceId, appId, ...values }: ServerRef & Partial<Pick<PublishedServer, "accessMode" | "signInRestricted" | "approvalPolicy">>,
) {
  const set = { ...values, updatedAt: new Date() };
  const [row] =
    appId === null
      ? await db
          .update(workspaceServers)
          .set(set)
          .where(eq(workspaceServers.workspaceId, workspaceId))
          .returning({ accessMode: workspaceServers.accessMode, signInRestricted: workspaceServers.signInRestricted, approvalPolicy: workspaceServers.approvalPolicy })
      : await db
          .update(publishedServers)
          .set(set)
          .where(and(eq(publishedServers.workspaceId, workspaceId), eq(publishedServers.appId, appId)))
          .returning({ accessMode: publishedServers.accessMode, signInRestricted: publishedServers.signInRestricted, approvalPolicy: publishedServers.approvalPolicy });
  return row ?? null;
}

/** The chosen people who are still members of the workspace (someone removed since then is not listed). */
export async function listServerPeople(db: Tx, { workspaceId, appId }: ServerRef) {
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(publishedServerPeople)
    .innerJoin(users, eq(users.id, publishedServerPeople.userId))
    .innerJoin(memberships, and(eq(memberships.userId, publishedServerPeople.userId), eq(memberships.workspaceId, workspaceId)))
    .where(and(eq(publishedServerPeople.workspaceId, workspaceId), ofServer(publishedServerPeople.appId, appId)))
    .orderBy(asc(users.email));
}

export async function replaceServerPeople(db: Tx, { workspaceId, appId, userIds }: ServerRef & { userIds: string[] }) {
  await db.delete(publishedServerPeople).where(and(eq(publishedServerPeople.workspaceId, workspaceId), ofServer(publishedServerPeople.appId, appId)));
  if (userIds.length > 0) await db.insert(publishedServerPeople).values(userIds.map((userId) => ({ workspaceId, appId, userId })));
}

/** Which of these users are members of the workspace. */
export async function findMemberIds(db: Tx, { workspaceId, userIds }: { workspaceId: string; userIds: string[] }) {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), inArray(memberships.userId, userIds)));
  return rows.map((row) => row.userId);
}

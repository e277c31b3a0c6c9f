import "server-only";
import { and, desc, eq, or, sql } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { apps, oauthServerGrants, oauthServerRecords, users, workspaces, type OauthServerGrant } from "@/server/db/schema";
import { ofServer } from "./of-server";
import { workspaceServerName } from "./oauth-server-resources";

// Grants of our authorization server: one row per person, client and published server (an app's, or with app_id
// null the workspace server), written when the person approves the consent page. The lists people revoke from read these rows; revoking deletes the grant and
// every token and code issued under it, so the next request with any of them fails on every instance.

const grantColumns = {
  grantId: oauthServerGrants.grantId,
  appId: oauthServerGrants.appId,
  clientId: oauthServerGrants.clientId,
  clientName: oauthServerGrants.clientName,
  redirectHost: oauthServerGrants.redirectHost,
  createdAt: oauthServerGrants.createdAt,
  lastUsedAt: oauthServerGrants.lastUsedAt,
};

/** Every client connected to one published server (`appId` null: the workspace server), with the person who approved it. */
export async function listGrantsForServer(db: Tx, { workspaceId, appId }: { workspaceId: string; appId: string | null }) {
  return db
    .select({ ...grantColumns, userId: users.id, userName: users.name, userEmail: users.email })
    .from(oauthServerGrants)
    .innerJoin(users, eq(users.id, oauthServerGrants.userId))
    .where(and(eq(oauthServerGrants.workspaceId, workspaceId), ofServer(oauthServerGrants.appId, appId)))
    .orderBy(desc(oauthServerGrants.createdAt));
}

/** One person's grants across workspaces, each named by its server (an app's, or the workspace's): account settings. */
export async function listGrantsForUser(db: Tx, { userId }: { userId: string }) {
  return db
    .select({ ...grantColumns, serverName: sql<string>`coalesce(${apps.name}, ${workspaceServerName})`, workspaceId: workspaces.id, workspaceName: workspaces.name })
    .from(oauthServerGrants)
    .leftJoin(apps, eq(apps.id, oauthServerGrants.appId))
    .innerJoin(workspaces, eq(workspaces.id, oauthServerGrants.workspaceId))
    .where(eq(oauthServerGrants.userId, userId))
    .orderBy(desc(oauthServerGrants.createdAt));
}

export async function findGrant(db: Tx, { grantId }: { grantId: string }): Promise<OauthServerGrant | null> {
  const [row] = await db.select().from(oauthServerGrants).where(eq(oauthServerGrants.grantId, grantId));
  return row ?? null;
}

/** The grant a person already approved for this client and server: consent is remembered (not asked again). */
export async function findRememberedGrant(db: Tx, { userId, clientId, appId }: { userId: string; clientId: string; appId: string | null }) {
  const [row] = await db
    .select()
    .from(oauthServerGrants)
    .where(and(eq(oauthServerGrants.userId, userId), eq(oauthServerGrants.clientId, clientId), ofServer(oauthServerGrants.appId, appId)))
    .orderBy(desc(oauthServerGrants.createdAt))
    .limit(1);
  return row ?? null;
}

/** Whether anyone in the workspace has approved a client that returns to this host: the consent page warns if not. */
export async function isKnownRedirectHost(db: Tx, { workspaceId, redirectHost }: { workspaceId: string; redirectHost: string }) {
  const [row] = await db
    .select({ one: sql<number>`1` })
    .from(oauthServerGrants)
    .where(and(eq(oauthServerGrants.workspaceId, workspaceId), eq(oauthServerGrants.redirectHost, redirectHost)))
    .limit(1);
  return Boolean(row);
}

export async function insertGrant(db: Tx, values: typeof oauthServerGrants.$inferInsert) {
  await db.insert(oauthServerGrants).values(values);
}

export async function touchGrant(db: Tx, { grantId }: { grantId: string }) {
  await db.update(oauthServerGrants).set({ lastUsedAt: new Date() }).where(eq(oauthServerGrants.grantId, grantId));
}

/**
 * Deletes a grant and everything issued under it, scoped to whoever may revoke it (the server: its workspace and
 * app, `appId` null for the workspace server; or the person themselves). Returns whether a grant was there.
 * `grantRecordId` is the grant's own record (`Grant:<hash>`, see server/authorization-server/adapter.ts).
 */
export async function deleteGrant(
  db: Tx,
  { grantId, grantRecordId, scope }: { grantId: string; grantRecordId: string; scope: { workspaceId: string; appId: string | null } | { userId: string } },
): Promise<boolean> {
  const where =
    "userId" in scope
      ? and(eq(oauthServerGrants.grantId, grantId), eq(oauthServerGrants.userId, scope.userId))
      : and(eq(oauthServerGrants.grantId, grantId), eq(oauthServerGrants.workspaceId, scope.workspaceId), ofServer(oauthServerGrants.appId, scope.appId));
  const deleted = await db.delete(oauthServerGrants).where(where).returning({ grantId: oauthServerGrants.grantId });
  if (deleted.length === 0) return false;
  await db.delete(oauthServerRecords).where(or(eq(oauthServerRecords.grantId, grantId), eq(oauthServerRecords.id, grantRecordId)));
  return true;
}

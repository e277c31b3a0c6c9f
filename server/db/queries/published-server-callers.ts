import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { preparedPerDb } from "@/server/db/prepared";
import { memberships, publishedServerPeople } from "@/server/db/schema";

// Whether the person behind a sign-in token may still call a published server: read on every request (no cache),
// so a member removed from the workspace, or taken off the server's chosen people, stops at their next call.
const standingQuery = preparedPerDb((db) =>
  db
    .select({
      role: memberships.role,
      chosen: sql<boolean>`exists (select 1 from ${publishedServerPeople} where ${publishedServerPeople.appId} = ${sql.placeholder("appId")} and ${publishedServerPeople.workspaceId} = ${sql.placeholder("workspaceId")} and ${publishedServerPeople.userId} = ${sql.placeholder("userId")})`,
    })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, sql.placeholder("workspaceId")), eq(memberships.userId, sql.placeholder("userId"))))
    .prepare("published_server_caller_standing"),
);

/** null when the person is not a member of the workspace; otherwise their role and whether the server chose them. */
export async function findCallerStanding(db: Tx, { workspaceId, appId, userId }: { workspaceId: string; appId: string; userId: string }) {
  const [row] = await standingQuery(db).execute({ workspaceId, appId, userId });
  return row ?? null;
}

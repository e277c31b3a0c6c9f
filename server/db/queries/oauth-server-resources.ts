import "server-only";
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { apps, publishedServerPeople, publishedServers } from "@/server/db/schema";
import { ofServer } from "./of-server";

/** The published server behind a resource (by the hash of its code): what a token would reach, for the consent page. */
export async function findResourceServer(db: Tx, { codeHash }: { codeHash: string }) {
  const [row] = await db
    .select({
      appId: publishedServers.appId,
      workspaceId: publishedServers.workspaceId,
      enabled: publishedServers.enabled,
      accessMode: publishedServers.accessMode,
      signInRestricted: publishedServers.signInRestricted,
      toolName: publishedServers.toolName,
      toolDescription: publishedServers.toolDescription,
      appName: apps.name,
    })
    .from(publishedServers)
    .innerJoin(apps, eq(apps.id, publishedServers.appId))
    .where(eq(publishedServers.codeHash, codeHash));
  return row ?? null;
}

export type ResourceServer = NonNullable<Awaited<ReturnType<typeof findResourceServer>>>;

/** Whether a person is among those an owner chose for a restricted sign-in server. */
export async function isChosenPerson(db: Tx, { workspaceId, appId, userId }: { workspaceId: string; appId: string | null; userId: string }): Promise<boolean> {
  const [row] = await db
    .select({ userId: publishedServerPeople.userId })
    .from(publishedServerPeople)
    .where(and(eq(publishedServerPeople.workspaceId, workspaceId), ofServer(publishedServerPeople.appId, appId), eq(publishedServerPeople.userId, userId)));
  return Boolean(row);
}

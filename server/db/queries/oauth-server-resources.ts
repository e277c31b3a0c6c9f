import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { apps, publishedServerPeople, publishedServers, workspaces, workspaceServers } from "@/server/db/schema";
import { ofServer } from "./of-server";

// The server a resource (by the hash of its code) names, for the authorization server: an app's own server or the
// workspace server, both served at /mcp/server/<code>/mcp with codes in one space. One shape for both, so the
// consent page, the token's audience check and the grant rows never need a second path.

/** What the workspace server is called wherever a person sees it next to apps' servers. */
export const workspaceServerName = sql<string>`${workspaces.name} || ' MCP server'`;

const common = { workspaceId: workspaces.id, workspaceName: workspaces.name };

/** What a token for the resource would reach. `appId` null: the workspace server, whose tools are its apps'. */
export async function findResourceServer(db: Tx, { codeHash }: { codeHash: string }) {
  const [app] = await db
    .select({
      ...common,
      appId: publishedServers.appId,
      enabled: publishedServers.enabled,
      accessMode: publishedServers.accessMode,
      signInRestricted: publishedServers.signInRestricted,
      name: apps.name,
      toolName: publishedServers.toolName,
      toolDescription: publishedServers.toolDescription,
    })
    .from(publishedServers)
    .innerJoin(apps, eq(apps.id, publishedServers.appId))
    .innerJoin(workspaces, eq(workspaces.id, publishedServers.workspaceId))
    .where(eq(publishedServers.codeHash, codeHash));
  if (app) return { kind: "app" as const, ...app };
  const [workspace] = await db
    .select({
      ...common,
      enabled: workspaceServers.enabled,
      accessMode: workspaceServers.accessMode,
      signInRestricted: workspaceServers.signInRestricted,
      name: workspaceServerName,
    })
    .from(workspaceServers)
    .innerJoin(workspaces, eq(workspaces.id, workspaceServers.workspaceId))
    .where(eq(workspaceServers.codeHash, codeHash));
  return workspace ? { kind: "workspace" as const, appId: null, ...workspace } : null;
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

import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { apps, mcpServers, modelProviders, publishedServers, workspaces } from "@/server/db/schema";

export interface SetupProgress {
  hasProvider: boolean;
  hasServer: boolean;
  /** The most recently changed app, so "publish it" can link straight to its MCP Server tab. */
  latestAppId: string | null;
  hasEnabledServer: boolean;
}

/** The four first-run facts of a workspace in one round trip (each an indexed lookup on workspace_id). */
export async function getSetupProgress(db: Tx, { workspaceId }: { workspaceId: string }): Promise<SetupProgress> {
  const [row] = await db
    .select({
      hasProvider: sql<boolean>`exists (select 1 from ${modelProviders} where ${modelProviders.workspaceId} = ${workspaceId})`,
      hasServer: sql<boolean>`exists (select 1 from ${mcpServers} where ${mcpServers.workspaceId} = ${workspaceId})`,
      latestAppId: sql<string | null>`(select ${apps.id} from ${apps} where ${apps.workspaceId} = ${workspaceId} order by ${apps.updatedAt} desc limit 1)`,
      hasEnabledServer: sql<boolean>`exists (select 1 from ${publishedServers} where ${publishedServers.workspaceId} = ${workspaceId} and ${publishedServers.enabled})`,
    })
    .from(workspaces)
    .where(eq(workspaces.id, workspaceId));
  return {
    hasProvider: Boolean(row?.hasProvider),
    hasServer: Boolean(row?.hasServer),
    latestAppId: row?.latestAppId ?? null,
    hasEnabledServer: Boolean(row?.hasEnabledServer),
  };
}

// Tasks of published MCP servers (schema/mcp-tasks.ts). Every read a client can cause names the app and the
// caller's scope; only the job runner and the cleanup read by the hash alone, with the workspace id.
import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { apps, appVersions, mcpTasks, modelProviders, publishedServers, type McpTask, type McpTaskStatus, type NewMcpTask } from "@/server/db/schema";
import { versionProviderColumns, versionProviderJoin } from "./version-provider";

const unfinished: McpTaskStatus[] = ["working", "input_required"];

export async function insertTask(db: Tx, values: NewMcpTask): Promise<McpTask> {
  const [row] = await db.insert(mcpTasks).values(values).returning();
  return row!;
}

/** The task as its owner sees it: null for an unknown id, another app's task, or another caller's. */
export async function findOwnTask(db: Tx, { appId, ownerScope, idHash }: { appId: string; ownerScope: string; idHash: string }) {
  const [row] = await db
    .select()
    .from(mcpTasks)
    .where(and(eq(mcpTasks.idHash, idHash), eq(mcpTasks.appId, appId), eq(mcpTasks.ownerScope, ownerScope)));
  return row ?? null;
}

/** For the job that runs the task. */
export async function findTaskToRun(db: Tx, { workspaceId, idHash }: { workspaceId: string; idHash: string }) {
  const [row] = await db.select().from(mcpTasks).where(and(eq(mcpTasks.workspaceId, workspaceId), eq(mcpTasks.idHash, idHash)));
  return row ?? null;
}

/** What the run needs of the app, its server settings and the version the call was made against. */
export async function findTaskEndpoint(db: Tx, { workspaceId, appId, versionId }: { workspaceId: string; appId: string; versionId: string }) {
  const [row] = await db
    .select({
      enabled: publishedServers.enabled,
      approvalPolicy: publishedServers.approvalPolicy,
      appType: apps.type,
      appName: apps.name,
      icon: apps.icon,
      iconBackground: apps.iconBackground,
      appUpdatedAt: apps.updatedAt,
      toolName: publishedServers.toolName,
      toolDescription: publishedServers.toolDescription,
      parameterDescriptions: publishedServers.parameterDescriptions,
      settingsUpdatedAt: publishedServers.updatedAt,
      versionId: appVersions.id,
      version: appVersions.version,
      config: appVersions.config,
      provider: versionProviderColumns,
    })
    .from(publishedServers)
    .innerJoin(apps, and(eq(apps.id, publishedServers.appId), eq(apps.workspaceId, publishedServers.workspaceId)))
    .innerJoin(appVersions, and(eq(appVersions.id, versionId), eq(appVersions.appId, apps.id), eq(appVersions.workspaceId, apps.workspaceId)))
    .leftJoin(modelProviders, versionProviderJoin)
    .where(and(eq(publishedServers.workspaceId, workspaceId), eq(publishedServers.appId, appId)));
  return row ?? null;
}

/**
 * Changes a task that has not ended; a task that ended (cancelled, say, on another instance) keeps its end.
 * Returns the row when it changed.
 */
export async function updateUnfinishedTask(
  db: Tx,
  { workspaceId, idHash, ...values }: { workspaceId: string; idHash: string } & Partial<Pick<McpTask, "status" | "statusMessage" | "progress" | "result" | "error" | "request">>,
) {
  const [row] = await db
    .update(mcpTasks)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(mcpTasks.workspaceId, workspaceId), eq(mcpTasks.idHash, idHash), inArray(mcpTasks.status, unfinished)))
    .returning();
  return row ?? null;
}

/** Marks the owner's unfinished task cancelled; null when there is none (unknown, someone else's, or ended). */
export async function cancelOwnTask(db: Tx, { appId, ownerScope, idHash }: { appId: string; ownerScope: string; idHash: string }) {
  const [row] = await db
    .update(mcpTasks)
    .set({ status: "cancelled", statusMessage: "Cancelled by the client.", request: null, updatedAt: new Date() })
    .where(and(eq(mcpTasks.idHash, idHash), eq(mcpTasks.appId, appId), eq(mcpTasks.ownerScope, ownerScope), inArray(mcpTasks.status, unfinished)))
    .returning();
  return row ?? null;
}

/** Unfinished tasks that can no longer finish: every one (`all`, the embedded database at start-up) or expired ones. */
export async function failStrandedTasks(db: Tx, { all, statusMessage }: { all: boolean; statusMessage: string }) {
  const rows = await db
    .update(mcpTasks)
    .set({ status: "failed", statusMessage, request: null, error: { code: -32603, message: statusMessage }, updatedAt: new Date() })
    .where(and(inArray(mcpTasks.status, unfinished), all ? undefined : lt(mcpTasks.expiresAt, new Date())))
    .returning({ idHash: mcpTasks.idHash });
  return rows.length;
}

/** Removes tasks past their retention, whatever their state; returns how many. */
export async function deleteExpiredTasks(db: Tx, { now = new Date() }: { now?: Date } = {}) {
  const rows = await db.delete(mcpTasks).where(lt(mcpTasks.expiresAt, now)).returning({ idHash: mcpTasks.idHash });
  return rows.length;
}

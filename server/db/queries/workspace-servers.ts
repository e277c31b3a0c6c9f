import "server-only";
import { and, asc, eq, inArray, isNotNull, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { preparedPerDb } from "@/server/db/prepared";
import {
  apps,
  appVersions,
  mcpServers,
  modelProviders,
  publishedServerKeys,
  publishedServers,
  workspaceServerApps,
  workspaceServers,
  type WorkspaceServer,
} from "@/server/db/schema";
import { versionProviderColumns, versionProviderJoin } from "./version-provider";

// The workspace MCP server (schema/workspace-servers.ts): its endpoint's queries, then the console's.

// 1. The endpoint --------------------------------------------------------------------------------------------

const serverQuery = preparedPerDb((db) =>
  db
    .select({
      workspaceId: workspaceServers.workspaceId,
      workspaceName: sql<string>`(select name from workspaces where id = ${workspaceServers.workspaceId})`,
      enabled: workspaceServers.enabled,
      codeHash: workspaceServers.codeHash,
      accessMode: workspaceServers.accessMode,
      signInRestricted: workspaceServers.signInRestricted,
      approvalPolicy: workspaceServers.approvalPolicy,
      includeNewApps: workspaceServers.includeNewApps,
      instructions: workspaceServers.instructions,
      updatedAt: workspaceServers.updatedAt,
      keyId: publishedServerKeys.id,
      keyLastUsedAt: publishedServerKeys.lastUsedAt,
    })
    .from(workspaceServers)
    .leftJoin(
      publishedServerKeys,
      and(
        eq(publishedServerKeys.workspaceId, workspaceServers.workspaceId),
        isNull(publishedServerKeys.appId),
        eq(publishedServerKeys.keyHash, sql.placeholder("keyHash")),
      ),
    )
    .where(eq(workspaceServers.codeHash, sql.placeholder("codeHash")))
    .prepare("workspace_endpoint"),
);

/** The workspace server behind a code, with the key matching `keyHash` ("" without a bearer token). */
export async function findWorkspaceEndpointByCodeHash(db: Tx, { codeHash, keyHash }: { codeHash: string; keyHash: string }) {
  const [row] = await serverQuery(db).execute({ codeHash, keyHash });
  return row ?? null;
}

export type WorkspaceEndpointRow = NonNullable<Awaited<ReturnType<typeof findWorkspaceEndpointByCodeHash>>>;

/** What one app offers as a tool: its published version and provider, and its public face when it has one. */
export const appToolColumns = {
  appId: apps.id,
  workspaceId: apps.workspaceId,
  appType: apps.type,
  appName: apps.name,
  appDescription: apps.description,
  icon: apps.icon,
  iconBackground: apps.iconBackground,
  toolAnnotations: apps.toolAnnotations,
  appUpdatedAt: apps.updatedAt,
  createdAt: apps.createdAt,
  versionId: appVersions.id,
  version: appVersions.version,
  config: appVersions.config,
  /** Null when the app's own server was never configured: the name and description are then derived. */
  toolName: publishedServers.toolName,
  toolDescription: publishedServers.toolDescription,
  parameterDescriptions: publishedServers.parameterDescriptions,
  settingsUpdatedAt: publishedServers.updatedAt,
  provider: versionProviderColumns,
};

const toolsQuery = preparedPerDb((db) =>
  db
    .select({ ...appToolColumns, included: workspaceServerApps.included })
    .from(apps)
    .innerJoin(appVersions, and(eq(appVersions.id, apps.publishedVersionId), eq(appVersions.workspaceId, apps.workspaceId)))
    .leftJoin(modelProviders, versionProviderJoin)
    .leftJoin(publishedServers, and(eq(publishedServers.appId, apps.id), eq(publishedServers.workspaceId, apps.workspaceId)))
    .leftJoin(workspaceServerApps, and(eq(workspaceServerApps.appId, apps.id), eq(workspaceServerApps.workspaceId, apps.workspaceId)))
    .where(eq(apps.workspaceId, sql.placeholder("workspaceId")))
    .orderBy(asc(apps.createdAt), asc(apps.id))
    .prepare("workspace_endpoint_apps"),
);

/**
 * Every published app of the workspace with its switch (null: never switched), oldest first: the order that decides
 * which of two apps with the same tool name keeps it (workspace-tools.ts).
 */
export async function listWorkspaceAppTools(db: Tx, { workspaceId }: { workspaceId: string }) {
  return toolsQuery(db).execute({ workspaceId });
}

export type AppToolRow = Awaited<ReturnType<typeof listWorkspaceAppTools>>[number];

/** The tools the workspace's connected MCP servers list, for deriving an agent's annotations. */
/** The tools of the workspace's servers with these ids (the ones published agents bind). */
export async function listConnectedServerTools(db: Tx, { workspaceId, ids }: { workspaceId: string; ids: string[] }) {
  if (ids.length === 0) return [];
  return db
    .select({ id: mcpServers.id, name: mcpServers.name, credentialScope: mcpServers.credentialScope, tools: mcpServers.tools })
    .from(mcpServers)
    .where(and(eq(mcpServers.workspaceId, workspaceId), inArray(mcpServers.id, ids)));
}

// 2. The console ---------------------------------------------------------------------------------------------

export async function getWorkspaceServer(db: Tx, { workspaceId }: { workspaceId: string }) {
  const [row] = await db.select().from(workspaceServers).where(eq(workspaceServers.workspaceId, workspaceId));
  return row ?? null;
}

export async function insertWorkspaceServer(db: Tx, values: typeof workspaceServers.$inferInsert) {
  const [row] = await db.insert(workspaceServers).values(values).returning();
  return row!;
}

export async function updateWorkspaceServer(
  db: Tx,
  {
    workspaceId,
    ...values
  }: { workspaceId: string } & Partial<
    Pick<WorkspaceServer, "enabled" | "codeHash" | "codeCiphertext" | "accessMode" | "signInRestricted" | "includeNewApps" | "instructions">
  >,
) {
  const [row] = await db
    .update(workspaceServers)
    .set({ ...values, updatedAt: new Date() })
    .where(eq(workspaceServers.workspaceId, workspaceId))
    .returning();
  return row ?? null;
}

/** The owner's switch for one app of the workspace. */
export async function setWorkspaceAppIncluded(db: Tx, { workspaceId, appId, included }: { workspaceId: string; appId: string; included: boolean }) {
  await db
    .insert(workspaceServerApps)
    .values({ workspaceId, appId, included })
    .onConflictDoUpdate({ target: workspaceServerApps.appId, set: { included, updatedAt: new Date() }, setWhere: eq(workspaceServerApps.workspaceId, workspaceId) });
}

/** Gives every published app that has no switch yet a switch that is on: what it is offered under now, kept. */
export async function switchOnUnswitchedApps(db: Tx, { workspaceId }: { workspaceId: string }) {
  await db
    .insert(workspaceServerApps)
    .select(
      db
        .select({ appId: apps.id, workspaceId: apps.workspaceId, included: sql<boolean>`true`.as("included"), updatedAt: sql<Date>`now()`.as("updated_at") })
        .from(apps)
        .where(and(eq(apps.workspaceId, workspaceId), isNotNull(apps.publishedVersionId))),
    )
    .onConflictDoNothing();
}

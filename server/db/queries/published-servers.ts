import "server-only";
import { and, desc, eq, getTableColumns, sql } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { preparedPerDb } from "@/server/db/prepared";
import { apps, appVersions, mcpCallLogs, modelProviders, publishedServerKeys, publishedServers, type PublishedServer } from "@/server/db/schema";
import { ofServer } from "./of-server";
import { versionProviderColumns, versionProviderJoin } from "./version-provider";

// 1. The endpoint's one query ----------------------------------------------------------------------------------

const endpointQuery = preparedPerDb((db) =>
  db
    .select({
      appId: publishedServers.appId,
      workspaceId: publishedServers.workspaceId,
      enabled: publishedServers.enabled,
      codeHash: publishedServers.codeHash,
      toolName: publishedServers.toolName,
      toolDescription: publishedServers.toolDescription,
      parameterDescriptions: publishedServers.parameterDescriptions,
      settingsUpdatedAt: publishedServers.updatedAt,
      accessMode: publishedServers.accessMode,
      signInRestricted: publishedServers.signInRestricted,
      approvalPolicy: publishedServers.approvalPolicy,
      appType: apps.type,
      appName: apps.name,
      icon: apps.icon,
      iconBackground: apps.iconBackground,
      toolAnnotations: apps.toolAnnotations,
      appUpdatedAt: apps.updatedAt,
      versionId: appVersions.id,
      version: appVersions.version,
      config: appVersions.config,
      keyId: publishedServerKeys.id,
      keyLastUsedAt: publishedServerKeys.lastUsedAt,
      // The published version's model provider, so a call needs no query of its own for it (null when removed).
      provider: versionProviderColumns,
    })
    .from(publishedServers)
    .innerJoin(apps, and(eq(apps.id, publishedServers.appId), eq(apps.workspaceId, publishedServers.workspaceId)))
    .leftJoin(appVersions, and(eq(appVersions.id, apps.publishedVersionId), eq(appVersions.workspaceId, apps.workspaceId)))
    .leftJoin(modelProviders, versionProviderJoin)
    .leftJoin(
      publishedServerKeys,
      and(eq(publishedServerKeys.appId, publishedServers.appId), eq(publishedServerKeys.keyHash, sql.placeholder("keyHash"))),
    )
    .where(eq(publishedServers.codeHash, sql.placeholder("codeHash")))
    .prepare("published_endpoint"),
);

/**
 * Everything one MCP request needs, in one round trip: the server and its access mode, its app and published version
 * with its model provider, and the key matching `keyHash` (pass "" without a bearer token). Cached
 * only through server/mcp/server/endpoint-cache.ts, which every change to these rows must go through.
 */
export async function findEndpointByCodeHash(db: Tx, { codeHash, keyHash }: { codeHash: string; keyHash: string }) {
  const [row] = await endpointQuery(db).execute({ codeHash, keyHash });
  return row ?? null;
}

export type EndpointRow = NonNullable<Awaited<ReturnType<typeof findEndpointByCodeHash>>>;

// 2. Server settings -------------------------------------------------------------------------------------------

export async function getPublishedServer(db: Tx, { workspaceId, appId }: { workspaceId: string; appId: string }) {
  const [row] = await db
    .select()
    .from(publishedServers)
    .where(and(eq(publishedServers.workspaceId, workspaceId), eq(publishedServers.appId, appId)));
  return row ?? null;
}

/** The apps of a workspace that have an MCP server (enabled or not): what a workspace-wide change reaches. */
export async function listPublishedAppIds(db: Tx, { workspaceId }: { workspaceId: string }): Promise<string[]> {
  const rows = await db.select({ appId: publishedServers.appId }).from(publishedServers).where(eq(publishedServers.workspaceId, workspaceId));
  return rows.map((row) => row.appId);
}

export async function insertPublishedServer(db: Tx, values: typeof publishedServers.$inferInsert) {
  const [row] = await db.insert(publishedServers).values(values).returning();
  return row!;
}

export async function updatePublishedServer(
  db: Tx,
  {
    workspaceId,
    appId,
    ...values
  }: { workspaceId: string; appId: string } & Partial<
    Pick<PublishedServer, "enabled" | "codeHash" | "codeCiphertext" | "toolName" | "toolDescription" | "parameterDescriptions">
  >,
) {
  const [row] = await db
    .update(publishedServers)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(publishedServers.workspaceId, workspaceId), eq(publishedServers.appId, appId)))
    .returning();
  return row ?? null;
}

// 3. Keys ------------------------------------------------------------------------------------------------------

/** A server's keys and chosen people are its app's (app_id), or the workspace server's with appId null. */
type ServerRef = { workspaceId: string; appId: string | null };

const keyColumns = {
  id: publishedServerKeys.id,
  name: publishedServerKeys.name,
  prefix: publishedServerKeys.prefix,
  lastUsedAt: publishedServerKeys.lastUsedAt,
  createdAt: publishedServerKeys.createdAt,
};

export async function listServerKeys(db: Tx, { workspaceId, appId }: ServerRef) {
  return db
    .select(keyColumns)
    .from(publishedServerKeys)
    .where(and(eq(publishedServerKeys.workspaceId, workspaceId), ofServer(publishedServerKeys.appId, appId)))
    .orderBy(desc(publishedServerKeys.createdAt));
}

export async function insertServerKey(db: Tx, values: typeof publishedServerKeys.$inferInsert) {
  const [row] = await db.insert(publishedServerKeys).values(values).returning(keyColumns);
  return row!;
}

export async function deleteServerKey(db: Tx, { workspaceId, appId, id }: ServerRef & { id: string }) {
  const rows = await db
    .delete(publishedServerKeys)
    .where(and(eq(publishedServerKeys.workspaceId, workspaceId), ofServer(publishedServerKeys.appId, appId), eq(publishedServerKeys.id, id)))
    .returning({ id: publishedServerKeys.id });
  return rows.length > 0;
}

export async function touchServerKey(db: Tx, { id }: { id: string }) {
  await db.update(publishedServerKeys).set({ lastUsedAt: new Date() }).where(eq(publishedServerKeys.id, id));
}

// 4. Call logs -------------------------------------------------------------------------------------------------

// A batch goes in as one JSON parameter that PostgreSQL unpacks, so the statement is the same for every batch and is
// prepared once: drizzle's multi-row VALUES built every row's parameters in JavaScript, a visible share of a busy
// endpoint's CPU (docs/performance.md, item 12). insert…select names every column in table order; the record's
// fields follow it. A retried batch may hold rows that are already in (call-log.ts): their ids skip them.
const callLogColumns = Object.entries(getTableColumns(mcpCallLogs));
const callLogRecord = sql.raw(callLogColumns.map(([key, column]) => `"${key}" ${column.getSQLType()}`).join(", "));
const insertCallLogsQuery = preparedPerDb((db) =>
  db
    .insert(mcpCallLogs)
    .select(sql`select * from jsonb_to_recordset(${sql.placeholder("rows")}::jsonb) as r(${callLogRecord})`)
    .onConflictDoNothing({ target: mcpCallLogs.id })
    .prepare("insert_call_logs"),
);

/** insert…select applies none of the schema's defaults, so the two columns that have one are the caller's to set. */
export type CallLogRow = typeof mcpCallLogs.$inferInsert & { id: string; createdAt: Date };

export async function insertCallLogs(db: Tx, rows: CallLogRow[]) {
  await insertCallLogsQuery(db).execute({ rows: JSON.stringify(rows) });
}

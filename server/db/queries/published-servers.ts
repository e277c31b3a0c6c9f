import "server-only";
import { and, desc, eq, getTableColumns, gte, isNotNull, lt, lte, or, sql } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { preparedPerDb } from "@/server/db/prepared";
import { apps, appVersions, mcpCallLogs, modelProviders, publishedServerKeys, publishedServers, users, type PublishedServer } from "@/server/db/schema";
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

export interface CallLogFilters {
  method?: string | null;
  outcome?: "ok" | "error" | "cancelled" | "refused" | null;
  from?: Date | null;
  to?: Date | null;
  /** Sign-in calls of one person, or of one OAuth client. */
  callerUserId?: string | null;
  oauthClientId?: string | null;
}

/**
 * Whose log: an app's (every call that ran it, through its own server or the workspace's) or the workspace server's
 * (every request it received, optionally only those that ran one app; tools/list and refusals name no app).
 */
export type CallLogServer = { appId: string } | { workspaceServer: true; appId?: string | null };

function callLogScope(workspaceId: string, server: CallLogServer) {
  if ("workspaceServer" in server) {
    return and(eq(mcpCallLogs.workspaceId, workspaceId), eq(mcpCallLogs.workspaceServer, true), server.appId ? eq(mcpCallLogs.appId, server.appId) : undefined);
  }
  return and(eq(mcpCallLogs.workspaceId, workspaceId), eq(mcpCallLogs.appId, server.appId));
}

/** Newest first; `cursor` is the `nextCursor` of the previous page. */
export async function listCallLogs(
  db: Tx,
  { workspaceId, server, filters, limit = 50, cursor }: { workspaceId: string; server: CallLogServer; filters: CallLogFilters; limit?: number; cursor?: string | null },
) {
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await db
    .select({ ...getTableColumns(mcpCallLogs), callerName: users.name, callerEmail: users.email })
    .from(mcpCallLogs)
    .leftJoin(users, eq(users.id, mcpCallLogs.callerUserId))
    .where(
      and(
        callLogScope(workspaceId, server),
        filters.method ? eq(mcpCallLogs.method, filters.method) : undefined,
        filters.callerUserId ? eq(mcpCallLogs.callerUserId, filters.callerUserId) : undefined,
        filters.oauthClientId ? eq(mcpCallLogs.oauthClientId, filters.oauthClientId) : undefined,
        filters.outcome ? eq(mcpCallLogs.outcome, filters.outcome) : undefined,
        filters.from ? gte(mcpCallLogs.createdAt, filters.from) : undefined,
        filters.to ? lte(mcpCallLogs.createdAt, filters.to) : undefined,
        after ? or(lt(mcpCallLogs.createdAt, after.createdAt), and(eq(mcpCallLogs.createdAt, after.createdAt), lt(mcpCallLogs.id, after.id))) : undefined,
      ),
    )
    .orderBy(desc(mcpCallLogs.createdAt), desc(mcpCallLogs.id))
    .limit(limit + 1);
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

/**
 * The people and OAuth clients that appear in a server's call log: the choices of the Logs page's filters. Bounded:
 * a server used by more than `limit` people or clients lists the most recent ones.
 */
export async function listCallLogCallers(db: Tx, { workspaceId, server, limit = 200 }: { workspaceId: string; server: CallLogServer; limit?: number }) {
  const scope = callLogScope(workspaceId, server);
  const lastSeen = sql<Date>`max(${mcpCallLogs.createdAt})`;
  const [people, clients] = await Promise.all([
    db
      .select({ userId: users.id, name: users.name, email: users.email })
      .from(mcpCallLogs)
      .innerJoin(users, eq(users.id, mcpCallLogs.callerUserId))
      .where(scope)
      .groupBy(users.id, users.name, users.email)
      .orderBy(desc(lastSeen))
      .limit(limit),
    db
      // A client's name may change between registrations; the latest one it called with names it.
      .select({ clientId: mcpCallLogs.oauthClientId, name: sql<string>`(array_agg(${mcpCallLogs.oauthClientName} order by ${mcpCallLogs.createdAt} desc))[1]` })
      .from(mcpCallLogs)
      .where(and(scope, isNotNull(mcpCallLogs.oauthClientId)))
      .groupBy(mcpCallLogs.oauthClientId)
      .orderBy(desc(lastSeen))
      .limit(limit),
  ]);
  return { people, clients: clients.map((c) => ({ clientId: c.clientId!, name: c.name ?? c.clientId! })) };
}

function encodeCursor(createdAt: Date, id: string) {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  return id && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}

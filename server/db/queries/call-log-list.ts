// An MCP server's call log as the console reads it: pages newest first by keyset, filtered in the database, and the
// people and OAuth clients that appear in it (the filters' choices). Every read has an index that lets it stop early
// (server/db/schema/published-servers.ts), so it stays fast with millions of rows (docs/performance-data.md).
import "server-only";
import { and, desc, eq, getTableColumns, gte, lt, lte, or, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { mcpCallLogs, users } from "@/server/db/schema";

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

interface CallLogListArgs {
  workspaceId: string;
  server: CallLogServer;
  filters: CallLogFilters;
  limit?: number;
  cursor?: string | null;
}

/** Newest first; `cursor` is the `nextCursor` of the previous page. */
export async function listCallLogs(db: Tx, args: CallLogListArgs) {
  const limit = args.limit ?? 50;
  const rows = await callLogListQuery(db, { ...args, limit });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null };
}

/** One page and one row more (which says whether a next page exists); unawaited, so tests can EXPLAIN it. */
export function callLogListQuery(db: Tx, { workspaceId, server, filters, limit = 50, cursor }: CallLogListArgs) {
  const after = cursor ? decodeCursor(cursor) : null;
  return db
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
}

/**
 * The people and OAuth clients that appear in a server's call log: the choices of the Logs page's filters, the most
 * recently seen first. Bounded: a server used by more than `limit` people or clients lists the most recent ones.
 */
export async function listCallLogCallers(db: Tx, { workspaceId, server, limit = 200 }: { workspaceId: string; server: CallLogServer; limit?: number }) {
  const [people, clients] = await Promise.all([
    db.execute(callLogPeopleQuery({ workspaceId, server, limit })),
    db.execute(callLogClientsQuery({ workspaceId, server, limit })),
  ]);
  return {
    people: rowsOf(people).map((p) => ({ userId: p.user_id as string, name: p.name as string | null, email: p.email as string })),
    clients: rowsOf(clients).map((c) => ({ clientId: c.client_id as string, name: (c.name as string | null) ?? (c.client_id as string) })),
  };
}

// A GROUP BY over the scope read every signed-in row of the log (seconds at millions of rows). Instead, the distinct
// callers of the workspace are found by skipping through the caller index one value at a time (a "loose index scan"
// in a recursive CTE), and each one's latest row in the scope is one short index probe.
function distinctInLog(workspaceId: string, column: typeof mcpCallLogs.callerUserId | typeof mcpCallLogs.oauthClientId): SQL {
  return sql`with recursive seen(id) as (
      (select ${column} from ${mcpCallLogs} where ${mcpCallLogs.workspaceId} = ${workspaceId} and ${column} is not null order by ${column} limit 1)
      union all
      select (select ${column} from ${mcpCallLogs} where ${mcpCallLogs.workspaceId} = ${workspaceId} and ${column} > seen.id order by ${column} limit 1)
      from seen where seen.id is not null
    )`;
}

export function callLogPeopleQuery({ workspaceId, server, limit }: { workspaceId: string; server: CallLogServer; limit: number }): SQL {
  const column = mcpCallLogs.callerUserId;
  return sql`${distinctInLog(workspaceId, column)}
    select ${users.id} as user_id, ${users.name} as name, ${users.email} as email
    from seen
    cross join lateral (select ${mcpCallLogs.createdAt} as at from ${mcpCallLogs}
      where ${callLogScope(workspaceId, server)} and ${column} = seen.id order by ${mcpCallLogs.createdAt} desc limit 1) as latest
    join ${users} on ${users.id} = seen.id
    order by latest.at desc limit ${limit}`;
}

/** A client's name may change between registrations; the latest one it called with names it. */
export function callLogClientsQuery({ workspaceId, server, limit }: { workspaceId: string; server: CallLogServer; limit: number }): SQL {
  const column = mcpCallLogs.oauthClientId;
  return sql`${distinctInLog(workspaceId, column)}
    select seen.id as client_id, latest.name as name
    from seen
    cross join lateral (select ${mcpCallLogs.createdAt} as at, ${mcpCallLogs.oauthClientName} as name from ${mcpCallLogs}
      where ${callLogScope(workspaceId, server)} and ${column} = seen.id order by ${mcpCallLogs.createdAt} desc limit 1) as latest
    order by latest.at desc limit ${limit}`;
}

type Row = Record<string, unknown>;
const rowsOf = (result: unknown): Row[] => (Array.isArray(result) ? result : (result as { rows: Row[] }).rows);

function encodeCursor(createdAt: Date, id: string) {
  return Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  return id && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}

// The Logs page's list of conversations: newest first, searched and filtered in the database, each row with who
// started it and what it cost (messages, tokens, time), so a person can pick the one they look for without opening
// every one.
import "server-only";
import { and, asc, desc, eq, getTableColumns, gte, ilike, isNotNull, lt, or, sql, type SQL } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { conversations, mcpCallLogs, messages, users } from "@/server/db/schema";

export interface ConversationFilters {
  /** Text in the title or in any message. */
  search?: string | null;
  source?: "debug" | "mcp" | "api" | null;
  /** Last activity on or after `from`, and before `to`. */
  from?: Date | null;
  to?: Date | null;
}

interface ListArgs {
  workspaceId: string;
  appId: string;
  limit?: number;
  cursor?: string | null;
  filters?: ConversationFilters;
}

/** Newest first; `cursor` is the `nextCursor` of the previous page. */
export async function listConversations(db: Tx, args: ListArgs) {
  const limit = args.limit ?? 20;
  const rows = await conversationListQuery(db, { ...args, limit });
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor(last.updatedAt, last.id) : null };
}

/** One page and one row more (which says whether a next page exists); unawaited, so tests can EXPLAIN it. */
export function conversationListQuery(db: Tx, { workspaceId, appId, limit = 20, cursor, filters = {} }: ListArgs) {
  const after = cursor ? decodeCursor(cursor) : null;
  const pattern = filters.search?.trim() ? `%${filters.search.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const ofThis = and(eq(messages.workspaceId, workspaceId), eq(messages.conversationId, conversations.id));
  // The page without the search: this app's conversations, filtered, after the cursor.
  const page = and(
    eq(conversations.workspaceId, workspaceId),
    eq(conversations.appId, appId),
    filters.source ? eq(conversations.source, filters.source) : undefined,
    filters.from ? gte(conversations.updatedAt, filters.from) : undefined,
    filters.to ? lt(conversations.updatedAt, filters.to) : undefined,
    after ? or(lt(conversations.updatedAt, after.updatedAt), and(eq(conversations.updatedAt, after.updatedAt), lt(conversations.id, after.id))) : undefined,
  );
  return db
    .select({
      ...getTableColumns(conversations),
      messageCount: sql<number>`(select count(*) from ${messages} where ${ofThis})`.mapWith(Number),
      tokens: sql<number>`(select coalesce(sum(coalesce((${messages.usage}->>'inputTokens')::bigint, 0) + coalesce((${messages.usage}->>'outputTokens')::bigint, 0)), 0) from ${messages} where ${ofThis})`.mapWith(Number),
      // Time spent answering: each answer from its question to its end, summed (not the idle time between turns).
      durationMs: sql<number>`(select coalesce(round(sum(extract(epoch from ${messages.finishedAt} - ${messages.createdAt}) * 1000)), 0) from ${messages} where ${ofThis})`.mapWith(Number),
      creatorName: sql<string | null>`(${db
        .select({ name: sql`coalesce(${users.name}, ${users.email})` })
        .from(users)
        .where(eq(users.id, conversations.createdBy))})`,
      // clientInfo is on the call log of the tools/call that opened the conversation.
      clientName: sql<string | null>`(${db
        .select({ name: mcpCallLogs.clientName })
        .from(mcpCallLogs)
        .where(and(eq(mcpCallLogs.workspaceId, workspaceId), eq(mcpCallLogs.conversationId, conversations.id), isNotNull(mcpCallLogs.clientName)))
        .orderBy(asc(mcpCallLogs.createdAt))
        .limit(1)})`,
    })
    .from(conversations)
    .where(and(page, pattern ? searchPage(db, { page, pattern, ofThis, limit }) : undefined))
    .orderBy(desc(conversations.updatedAt), desc(conversations.id))
    .limit(limit + 1);
}

// A search is two pages merged: the newest conversations whose title matches, and the newest with a matching
// message, each cut at the page's size. Apart, each lets the planner pick its own way from its own estimate: for a
// rare word, start from the trigram index (migration 0017) and sort the few matches; for a common one, walk the
// app's list newest first and stop after a page. "Title matches or a message exists", one condition, had no index to
// start from (a rare word read every conversation of the app); one list of all matching ids fed the planner a guess
// of its size, and it gathered every match of a common word. A pattern under 3 characters has no trigram: the walk
// still answers it, slower when few conversations match.
function searchPage(db: Tx, { page, pattern, ofThis, limit }: { page: SQL | undefined; pattern: string; ofThis: SQL | undefined; limit: number }) {
  const newest = (match: SQL) =>
    db.select({ id: conversations.id }).from(conversations).where(and(page, match)).orderBy(desc(conversations.updatedAt), desc(conversations.id)).limit(limit + 1);
  const byTitle = newest(ilike(conversations.title, pattern));
  const byMessage = newest(sql`exists (select 1 from ${messages} where ${ofThis} and ${messages.content} ilike ${pattern})`);
  return sql`${conversations.id} in ((${byTitle}) union (${byMessage}))`;
}

function encodeCursor(updatedAt: Date, id: string) {
  return Buffer.from(`${updatedAt.toISOString()}|${id}`).toString("base64url");
}

function decodeCursor(cursor: string): { updatedAt: Date; id: string } | null {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const updatedAt = new Date(iso ?? "");
  return id && !Number.isNaN(updatedAt.getTime()) ? { updatedAt, id } : null;
}

// Every query behind the Logs page and the call-log pages, as the console runs them, with the index each one should
// use. The scale benchmark times them and writes their plans; tests/integration/query-plans.test.ts checks the indexes.
import { sql, type SQLWrapper } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { callLogClientsQuery, callLogListQuery, callLogPeopleQuery, listCallLogs, type CallLogFilters, type CallLogServer } from "@/server/db/queries/call-log-list";
import { conversationListQuery, listConversations, type ConversationFilters } from "@/server/db/queries/conversation-list";
import { listMessages } from "@/server/db/queries/conversations";

export interface CaseContext {
  workspaceId: string;
  /** Busiest first: the first has the published server. */
  appIds: string[];
  /** Found in the data before timing: a conversation, a person and an OAuth client that appear in the log. */
  conversationId: string;
  callerUserId: string;
  oauthClientId: string;
  /** A word found in one conversation's messages only (the seed's tickets). */
  rareWord: string;
  /** Cursors to page 50 of the busiest app's conversations and call log, and of the workspace server's log. */
  cursors: { conversations: string | null; appCalls: string | null; workspaceCalls: string | null };
}

export interface QueryCase {
  name: string;
  /** The index the plan must use (checked in tests, on a small database with sequential scans off). */
  index: string;
  query: (db: Tx, c: CaseContext) => SQLWrapper;
}

const conversationCase = (name: string, index: string, filters: (c: CaseContext) => ConversationFilters, cursor?: (c: CaseContext) => string | null): QueryCase => ({
  name,
  index,
  query: (db, c) => conversationListQuery(db, { workspaceId: c.workspaceId, appId: c.appIds[0]!, cursor: cursor?.(c), filters: filters(c) }),
});

const appCallsCase = (name: string, index: string, filters: (c: CaseContext) => CallLogFilters, cursor?: (c: CaseContext) => string | null): QueryCase => ({
  name,
  index,
  query: (db, c) => callLogListQuery(db, { workspaceId: c.workspaceId, server: { appId: c.appIds[0]! }, filters: filters(c), cursor: cursor?.(c) }),
});

const workspaceCallsCase = (name: string, index: string, server: (c: CaseContext) => CallLogServer, filters: CallLogFilters = {}, cursor?: (c: CaseContext) => string | null): QueryCase => ({
  name,
  index,
  query: (db, c) => callLogListQuery(db, { workspaceId: c.workspaceId, server: server(c), filters, cursor: cursor?.(c) }),
});

const monthAgo = () => ({ from: new Date(Date.UTC(2026, 9, 1)), to: new Date(Date.UTC(2026, 10, 1)) });
const workspace = () => ({ workspaceServer: true as const });
/** Keeps 90 days of the seeded year. */
const retentionCutoff = "2026-09-02T00:00:00.000Z";

export const queryCases: QueryCase[] = [
  conversationCase("conversations-first-page", "conversations_app_idx", () => ({})),
  conversationCase("conversations-page-50", "conversations_app_idx", () => ({}), (c) => c.cursors.conversations),
  conversationCase("conversations-source-api", "conversations_app_source_idx", () => ({ source: "api" })),
  conversationCase("conversations-one-month", "conversations_app_idx", monthAgo),
  conversationCase("conversations-search-common", "conversations_app_idx", () => ({ search: "refund" })),
  conversationCase("conversations-search-rare", "messages_content_trgm_idx", (c) => ({ search: c.rareWord })),
  conversationCase("conversations-search-nothing", "messages_content_trgm_idx", () => ({ search: "no such words anywhere" })),
  {
    name: "conversation-messages",
    index: "messages_conversation_idx",
    query: (db, c) => listMessages(db, { workspaceId: c.workspaceId, conversationId: c.conversationId }),
  },
  appCallsCase("app-calls-first-page", "mcp_call_logs_app_idx", () => ({})),
  appCallsCase("app-calls-page-50", "mcp_call_logs_app_idx", () => ({}), (c) => c.cursors.appCalls),
  appCallsCase("app-calls-outcome-error", "mcp_call_logs_app_outcome_idx", () => ({ outcome: "error" })),
  appCallsCase("app-calls-outcome-cancelled", "mcp_call_logs_app_outcome_idx", () => ({ outcome: "cancelled" })),
  appCallsCase("app-calls-method-initialize", "mcp_call_logs_app_method_idx", () => ({ method: "initialize" })),
  appCallsCase("app-calls-method-nothing", "mcp_call_logs_app_method_idx", () => ({ method: "resources/read" })),
  appCallsCase("app-calls-caller", "mcp_call_logs_caller_idx", (c) => ({ callerUserId: c.callerUserId })),
  appCallsCase("app-calls-oauth-client", "mcp_call_logs_oauth_client_idx", (c) => ({ oauthClientId: c.oauthClientId })),
  appCallsCase("app-calls-one-month", "mcp_call_logs_app_idx", monthAgo),
  workspaceCallsCase("workspace-calls-first-page", "mcp_call_logs_workspace_server_idx", workspace),
  workspaceCallsCase("workspace-calls-page-50", "mcp_call_logs_workspace_server_idx", workspace, {}, (c) => c.cursors.workspaceCalls),
  workspaceCallsCase("workspace-calls-outcome-cancelled", "mcp_call_logs_workspace_server_outcome_idx", workspace, { outcome: "cancelled" }),
  workspaceCallsCase("workspace-calls-method-initialize", "mcp_call_logs_workspace_server_method_idx", workspace, { method: "initialize" }),
  workspaceCallsCase("workspace-calls-one-app", "mcp_call_logs_app_idx", (c) => ({ workspaceServer: true, appId: c.appIds[3]! })),
  {
    name: "app-callers-people",
    index: "mcp_call_logs_caller_idx",
    query: (_db, c) => callLogPeopleQuery({ workspaceId: c.workspaceId, server: { appId: c.appIds[0]! }, limit: 200 }),
  },
  {
    name: "app-callers-clients",
    index: "mcp_call_logs_oauth_client_idx",
    query: (_db, c) => callLogClientsQuery({ workspaceId: c.workspaceId, server: { appId: c.appIds[0]! }, limit: 200 }),
  },
  {
    name: "workspace-callers-people",
    index: "mcp_call_logs_caller_idx",
    query: (_db, c) => callLogPeopleQuery({ workspaceId: c.workspaceId, server: workspace(), limit: 200 }),
  },
  // Not the console's: the retention job's batches (server/db/queries/retention.ts, per workspace) must not walk the
  // table either.
  {
    name: "retention-call-logs",
    index: "mcp_call_logs_created_idx",
    query: (_db, c) => sql`select id from mcp_call_logs where workspace_id = ${c.workspaceId} and created_at < ${retentionCutoff} limit 1000`,
  },
  {
    name: "retention-conversations",
    index: "conversations_updated_idx",
    query: (_db, c) => sql`select id from conversations where workspace_id = ${c.workspaceId} and updated_at < ${retentionCutoff} limit 1000`,
  },
];

/** Finds the ids and cursors the cases need, by reading the data the way the console would. */
export async function caseContext(db: Tx, { workspaceId, appIds }: { workspaceId: string; appIds: string[] }): Promise<CaseContext> {
  const rows = (r: unknown) => (Array.isArray(r) ? r : (r as { rows: Record<string, unknown>[] }).rows) as Record<string, unknown>[];
  const [conversation] = rows(await db.execute(sql`select id, title from conversations where workspace_id = ${workspaceId} and app_id = ${appIds[0]!} order by updated_at desc limit 1 offset 100`));
  const [caller] = rows(await db.execute(sql`select caller_user_id, oauth_client_id from mcp_call_logs where workspace_id = ${workspaceId} and app_id = ${appIds[0]!} and caller_user_id is not null and oauth_client_id is not null limit 1`));
  const title = String(conversation?.title ?? "");
  // Page 50 starts after 49 pages: one read of that many rows ends where 49 page-by-page reads would. Under the
  // benchmark's statement timeout (measuring the indexes before #28) a read that is cancelled leaves no cursor.
  const page50 = (pageSize: number) => 49 * pageSize;
  const cursorOf = (read: Promise<{ nextCursor: string | null }>) =>
    read.then(
      (page) => page.nextCursor,
      (error: unknown) => {
        if (isCancelled(error)) return null;
        throw error;
      },
    );
  return {
    workspaceId,
    appIds,
    conversationId: String(conversation?.id),
    callerUserId: String(caller?.caller_user_id),
    oauthClientId: String(caller?.oauth_client_id),
    // The seed's titles end in "(ticket XXXXXX)"; the ticket's code alone is rare.
    rareWord: /ticket (\w+)/.exec(title)?.[1] ?? title,
    cursors: {
      conversations: await cursorOf(listConversations(db, { workspaceId, appId: appIds[0]!, limit: page50(20) })),
      appCalls: await cursorOf(listCallLogs(db, { workspaceId, server: { appId: appIds[0]! }, filters: {}, limit: page50(50) })),
      workspaceCalls: await cursorOf(listCallLogs(db, { workspaceId, server: { workspaceServer: true }, filters: {}, limit: page50(50) })),
    },
  };
}

/** A statement cancelled by statement_timeout (SQLSTATE 57014), as postgres.js raises it or as Drizzle wraps it. */
export function isCancelled(error: unknown): boolean {
  const e = error as { code?: string; cause?: { code?: string } };
  return e.code === "57014" || e.cause?.code === "57014";
}

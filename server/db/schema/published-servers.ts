// Apps published as MCP servers: the secret code (hash only), the tool's public face, optional bearer keys, and a
// log line for every call. The workspace's own server (many apps as tools) is in workspace-servers.ts; it shares
// the keys, the chosen people and the call log, where its rows have no app (app_id null).
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { apps } from "./apps";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const publishedServers = pgTable(
  "published_servers",
  {
    appId: text("app_id")
      .primaryKey()
      .references(() => apps.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    enabled: boolean("enabled").notNull().default(false),
    /** SHA-256 of the code in the URL; the code itself is shown once and never stored. */
    codeHash: text("code_hash").notNull().unique(),
    /** Sealed code, so the owner can copy the URL again later (AES-GCM, aad = app id). */
    codeCiphertext: text("code_ciphertext").notNull(),
    toolName: text("tool_name").notNull(),
    toolDescription: text("tool_description").notNull(),
    /** Descriptions per input variable key, shown to MCP clients. */
    parameterDescriptions: jsonb("parameter_descriptions").$type<Record<string, string>>().notNull().default({}),
    /** Who may call: anyone with the URL, holders of one of the server's keys, or signed-in workspace members (OAuth). */
    accessMode: text("access_mode", { enum: ["url", "api_key", "sign_in"] }).notNull().default("url"),
    /** Sign-in mode only: true means just the people in published_server_people, not every member. */
    signInRestricted: boolean("sign_in_restricted").notNull().default(false),
    /** A tool that asks first, called by a client that cannot be asked (no elicitation): refuse and say so, or run. */
    approvalPolicy: text("approval_policy", { enum: ["deny", "allow"] }).notNull().default("deny"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("published_servers_workspace_idx").on(t.workspaceId)],
);

export const publishedServerKeys = pgTable(
  "published_server_keys",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    /** Null: a key of the workspace server. */
    appId: text("app_id").references(() => apps.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id").notNull(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull().unique(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("published_server_keys_app_idx").on(t.appId)],
);

/** The people an owner chose for a sign-in server with signInRestricted. */
export const publishedServerPeople = pgTable(
  "published_server_people",
  {
    /** Null: chosen for the workspace server. */
    appId: text("app_id").references(() => apps.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("published_server_people_unique").on(t.workspaceId, t.appId, t.userId).nullsNotDistinct()],
);

export const mcpCallLogs = pgTable(
  "mcp_call_logs",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    /** The app called; null for a workspace server request that named no app (tools/list, a refusal). */
    appId: text("app_id").references(() => apps.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id").notNull(),
    /** True when the request came through the workspace server, false through the app's own server. */
    workspaceServer: boolean("workspace_server").notNull().default(false),
    method: text("method").notNull(),
    toolArguments: jsonb("tool_arguments").$type<unknown>(),
    outcome: text("outcome", { enum: ["ok", "error", "cancelled", "refused"] }).notNull(),
    error: text("error"),
    durationMs: integer("duration_ms").notNull(),
    clientName: text("client_name"),
    clientVersion: text("client_version"),
    conversationId: text("conversation_id"),
    /** Sign-in mode: the person the OAuth token was issued to, and the client it was issued to. */
    callerUserId: text("caller_user_id").references(() => users.id, { onDelete: "set null" }),
    oauthClientId: text("oauth_client_id"),
    oauthClientName: text("oauth_client_name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The log is read newest first, (created_at, id) descending, by keyset: each way of reading it has an index that
  // ends in those two columns after its equality columns, so a page stops after `limit` rows, and a filter that
  // matches nothing finds so at once instead of walking the whole log (docs/performance-data.md, "Data growth").
  (t) => [
    index("mcp_call_logs_app_idx").on(t.workspaceId, t.appId, t.createdAt, t.id),
    index("mcp_call_logs_app_outcome_idx").on(t.workspaceId, t.appId, t.outcome, t.createdAt, t.id),
    index("mcp_call_logs_app_method_idx").on(t.workspaceId, t.appId, t.method, t.createdAt, t.id),
    index("mcp_call_logs_workspace_server_idx").on(t.workspaceId, t.createdAt, t.id).where(sql`${t.workspaceServer}`),
    index("mcp_call_logs_workspace_server_outcome_idx").on(t.workspaceId, t.outcome, t.createdAt, t.id).where(sql`${t.workspaceServer}`),
    index("mcp_call_logs_workspace_server_method_idx").on(t.workspaceId, t.method, t.createdAt, t.id).where(sql`${t.workspaceServer}`),
    index("mcp_call_logs_caller_idx").on(t.workspaceId, t.callerUserId, t.createdAt, t.id).where(sql`${t.callerUserId} is not null`),
    index("mcp_call_logs_oauth_client_idx").on(t.workspaceId, t.oauthClientId, t.createdAt, t.id).where(sql`${t.oauthClientId} is not null`),
    // The Logs page names the client that opened each conversation.
    index("mcp_call_logs_conversation_idx").on(t.workspaceId, t.conversationId, t.createdAt).where(sql`${t.conversationId} is not null`),
    // Retention removes the oldest rows of a workspace first, across both kinds of server.
    index("mcp_call_logs_created_idx").on(t.workspaceId, t.createdAt),
  ],
);

export type PublishedServer = typeof publishedServers.$inferSelect;
export type PublishedServerKey = typeof publishedServerKeys.$inferSelect;
export type PublishedServerPerson = typeof publishedServerPeople.$inferSelect;
export type McpCallLog = typeof mcpCallLogs.$inferSelect;

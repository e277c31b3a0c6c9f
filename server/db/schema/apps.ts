// Apps, their frozen published versions, and every conversation with its messages and tool calls.
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import type { AppConfig } from "@/server/apps/app-config";

/** A decision on a tool call that asks first (issue #27): in Debug & Preview, by a client's elicitation, or by policy. */
export interface ToolApproval {
  decision: "approved" | "denied";
  /** preview: a person in Debug & Preview; elicitation: the MCP client asked its user; policy: the published policy. */
  via: "preview" | "elicitation" | "policy";
  /** The person who decided (preview, or a signed-in caller's elicitation); null otherwise. */
  userId: string | null;
  at: string;
  /** Arguments changed by the person before approving, when they were. */
  editedArguments?: unknown;
}

/** The four behaviour hints of MCP tool annotations (2025-03-26 on); each one the owner may set or leave derived. */
export interface ToolAnnotationChoice {
  readOnlyHint?: boolean;
  destructiveHint?: boolean;
  idempotentHint?: boolean;
  openWorldHint?: boolean;
}
import { users } from "./users";
import { workspaces } from "./workspaces";

export const appTypeEnum = pgEnum("app_type", ["chat", "agent", "completion", "workflow", "chatflow"]);

export const apps = pgTable(
  "apps",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    type: appTypeEnum("type").notNull(),
    name: text("name").notNull(),
    icon: text("icon").notNull().default("🤖"),
    iconBackground: text("icon_background").notNull().default("#E0E7FF"),
    description: text("description").notNull().default(""),
    /** MCP tool annotations the owner set for this app as a tool (server/mcp/server/tool-annotations.ts); a hint
     * left out is derived from the app. Not versioned: like the tool's name, a publishing setting. */
    toolAnnotations: jsonb("tool_annotations").$type<ToolAnnotationChoice>(),
    /** The editor saves here; only Publish copies it into app_versions. */
    draft: jsonb("draft").$type<AppConfig>().notNull(),
    draftUpdatedAt: timestamp("draft_updated_at", { withTimezone: true }).notNull().defaultNow(),
    publishedVersionId: text("published_version_id"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("apps_workspace_idx").on(t.workspaceId)],
);

export const appVersions = pgTable(
  "app_versions",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    appId: text("app_id")
      .notNull()
      .references(() => apps.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id").notNull(),
    version: integer("version").notNull(),
    config: jsonb("config").$type<AppConfig>().notNull(),
    publishedBy: text("published_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("app_versions_app_version").on(t.appId, t.version)],
);

export const conversationSourceEnum = pgEnum("conversation_source", ["debug", "mcp", "api"]);
export const runStatusEnum = pgEnum("run_status", ["running", "completed", "failed", "stopped", "interrupted"]);

export const conversations = pgTable(
  "conversations",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    workspaceId: text("workspace_id").notNull(),
    appId: text("app_id")
      .notNull()
      .references(() => apps.id, { onDelete: "cascade" }),
    /** Null for Debug & Preview runs of the draft. */
    appVersionId: text("app_version_id"),
    source: conversationSourceEnum("source").notNull(),
    inputs: jsonb("inputs").$type<Record<string, unknown>>().notNull().default({}),
    title: text("title").notNull().default(""),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // The Logs page reads an app's conversations by last activity, (updated_at, id) descending, by keyset; the source
  // filter has its own index so that a source with no conversations answers at once. Retention reads by updated_at (a
  // conversation's age is its last activity: server/db/queries/retention.ts). Search matches any part of the title,
  // which only a trigram index serves (pg_trgm, created by migration 0017).
  (t) => [
    index("conversations_app_idx").on(t.workspaceId, t.appId, t.updatedAt, t.id),
    index("conversations_app_source_idx").on(t.workspaceId, t.appId, t.source, t.updatedAt, t.id),
    index("conversations_updated_idx").on(t.workspaceId, t.updatedAt),
    index("conversations_title_trgm_idx").using("gin", t.title.op("gin_trgm_ops")),
  ],
);

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export const messages = pgTable(
  "messages",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    conversationId: text("conversation_id")
      .notNull()
      .references(() => conversations.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id").notNull(),
    role: text("role", { enum: ["user", "assistant"] }).notNull(),
    content: text("content").notNull().default(""),
    status: runStatusEnum("status").notNull().default("completed"),
    error: text("error"),
    model: text("model"),
    usage: jsonb("usage").$type<TokenUsage>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    /** While "running": until when the process running it vouches for it (server/agent/run-leases.ts). */
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
  },
  // The Logs search matches any part of a message: a trigram index finds the few that hold a rare word without
  // reading them all (pg_trgm, created by migration 0017).
  (t) => [
    index("messages_conversation_idx").on(t.conversationId, t.createdAt),
    index("messages_running_lease_idx").on(t.leaseUntil).where(sql`${t.status} = 'running'`),
    index("messages_content_trgm_idx").using("gin", t.content.op("gin_trgm_ops")),
  ],
);

export const toolCalls = pgTable(
  "tool_calls",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    messageId: text("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id").notNull(),
    /** The id the model gave the call. */
    callId: text("call_id").notNull(),
    round: integer("round").notNull(),
    name: text("name").notNull(),
    arguments: jsonb("arguments").$type<unknown>(),
    result: jsonb("result").$type<unknown>(),
    error: text("error"),
    isError: boolean("is_error").notNull().default(false),
    status: runStatusEnum("status").notNull().default("running"),
    /** For a tool that asks first: who decided what, when, and how (ToolApproval); null for one that runs at once. */
    approval: jsonb("approval").$type<ToolApproval>(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    durationMs: integer("duration_ms"),
  },
  (t) => [index("tool_calls_message_idx").on(t.messageId)],
);

export type App = typeof apps.$inferSelect;
export type NewApp = typeof apps.$inferInsert;
export type AppVersion = typeof appVersions.$inferSelect;
export type Conversation = typeof conversations.$inferSelect;
export type Message = typeof messages.$inferSelect;
export type ToolCall = typeof toolCalls.$inferSelect;

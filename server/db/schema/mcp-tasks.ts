// Tasks of published MCP servers (MCP 2025-11-25 basic/utilities/tasks; the 2026-07-28 Tasks extension, SEP-2663):
// one row per tools/call that runs as a task. The task id is a bearer handle, so only its hash is stored; the row
// is bound to the app and to the caller scope that created it, and removed after expiresAt (its ttl, capped).
import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { apps } from "./apps";

export const mcpTaskStatuses = ["working", "input_required", "completed", "failed", "cancelled"] as const;
export type McpTaskStatus = (typeof mcpTaskStatuses)[number];

export const mcpTasks = pgTable(
  "mcp_tasks",
  {
    /** SHA-256 of the task id handed to the client (256 random bits); the id itself is never stored. */
    idHash: text("id_hash").primaryKey(),
    appId: text("app_id")
      .notNull()
      .references(() => apps.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id").notNull(),
    /** The published version the call was made against: the run uses it even if a newer one is published meanwhile. */
    versionId: text("version_id").notNull(),
    /** Hash of the caller's key and session (see task-scope.ts): another key or client finds no such task. */
    ownerScope: text("owner_scope").notNull(),
    /** The queue job that runs it (a UUID), for cancelling it. */
    jobId: text("job_id").notNull(),
    status: text("status", { enum: mcpTaskStatuses }).notNull().default("working"),
    statusMessage: text("status_message"),
    /** Runtime steps done so far (model rounds, tool calls), as notifications/progress counts them. */
    progress: integer("progress").notNull().default(0),
    /**
     * The tools/call params ({ name, arguments }) and, in sign-in mode, who called (for the run's call log line:
     * person and OAuth client); dropped once the task ends.
     */
    request: jsonb("request").$type<{
      name: string;
      arguments?: Record<string, unknown>;
      caller?: { userId: string; clientId: string; clientName: string } | null;
    } | null>(),
    protocolVersion: text("protocol_version").notNull(),
    clientName: text("client_name"),
    clientVersion: text("client_version"),
    /** The CallToolResult, once completed (a result with isError counts: it is the tool's answer). */
    result: jsonb("result").$type<Record<string, unknown> | null>(),
    /** A JSON-RPC error ({ code, message }) when the run could not produce a result. */
    error: jsonb("error").$type<{ code: number; message: string } | null>(),
    ttlMs: integer("ttl_ms").notNull(),
    pollIntervalMs: integer("poll_interval_ms").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mcp_tasks_expires_idx").on(t.expiresAt), index("mcp_tasks_status_idx").on(t.status)],
);

export type McpTask = typeof mcpTasks.$inferSelect;
export type NewMcpTask = typeof mcpTasks.$inferInsert;

// Workflow runs (issue #29): one row per run of a workflow or chatflow app, and one per node it ran (per Iteration
// item for the nodes of a body). A run hangs off its conversation's assistant message, so the Logs page, retention
// and deleting an app remove runs through the existing conversation rows (ON DELETE CASCADE).
import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import type { Variable } from "@/server/apps/app-config";
import type { WorkflowGraph, WorkflowMode } from "@/server/workflows/graph";
import { messages, type TokenUsage } from "./apps";

export const workflowRunStatusEnum = pgEnum("workflow_run_status", ["queued", "running", "completed", "failed", "stopped"]);
export const workflowNodeRunStatusEnum = pgEnum("workflow_node_run_status", ["running", "completed", "failed", "skipped"]);

/** What a run runs, frozen when it starts: the draft may change while it runs. */
export interface WorkflowSnapshot {
  graph: WorkflowGraph;
  variables: Variable[];
  mode: WorkflowMode;
  /** A chatflow's message for this turn (Start's `query`). */
  query?: string;
}

export const workflowRuns = pgTable(
  "workflow_runs",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    workspaceId: text("workspace_id").notNull(),
    appId: text("app_id").notNull(),
    /** Null for Debug & Preview runs of the draft. */
    appVersionId: text("app_version_id"),
    conversationId: text("conversation_id").notNull(),
    messageId: text("message_id")
      .notNull()
      .references(() => messages.id, { onDelete: "cascade" }),
    status: workflowRunStatusEnum("status").notNull().default("queued"),
    inputs: jsonb("inputs").$type<Record<string, unknown>>().notNull().default({}),
    outputs: jsonb("outputs").$type<Record<string, unknown>>(),
    error: text("error"),
    snapshot: jsonb("snapshot").$type<WorkflowSnapshot>().notNull(),
    usage: jsonb("usage").$type<TokenUsage>(),
    createdBy: text("created_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [index("workflow_runs_message_idx").on(t.messageId), index("workflow_runs_app_idx").on(t.workspaceId, t.appId, t.createdAt)],
);

export const workflowNodeRuns = pgTable(
  "workflow_node_runs",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    runId: text("run_id")
      .notNull()
      .references(() => workflowRuns.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id").notNull(),
    nodeId: text("node_id").notNull(),
    nodeType: text("node_type").notNull(),
    /** The Iteration item a body node ran for; null for top-level nodes. */
    itemIndex: integer("item_index"),
    status: workflowNodeRunStatusEnum("status").notNull(),
    inputs: jsonb("inputs").$type<Record<string, unknown>>(),
    outputs: jsonb("outputs").$type<Record<string, unknown>>(),
    error: text("error"),
    branch: text("branch"),
    usage: jsonb("usage").$type<TokenUsage>(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    durationMs: integer("duration_ms"),
  },
  // NULLS NOT DISTINCT: a top-level node (item_index null) has one row per run too, so a resumed run's upsert
  // replaces the row a crash left "running" rather than adding a second.
  (t) => [unique("workflow_node_runs_node_item").on(t.runId, t.nodeId, t.itemIndex).nullsNotDistinct(), index("workflow_node_runs_started_idx").on(t.runId, t.startedAt)],
);

export type WorkflowRun = typeof workflowRuns.$inferSelect;
export type WorkflowNodeRun = typeof workflowNodeRuns.$inferSelect;

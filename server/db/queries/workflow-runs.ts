// Workflow runs and their node runs (server/workflows). A run's conversation, question and answer are made with it,
// in one transaction; its final state and the answer's are stored together, once.
import "server-only";
import { and, asc, count, eq, inArray, sql } from "drizzle-orm";
import type { Db, Tx } from "@/server/db";
import {
  conversations,
  messages,
  workflowNodeRuns,
  workflowRuns,
  type TokenUsage,
  type WorkflowNodeRun,
  type WorkflowRun,
  type WorkflowSnapshot,
} from "@/server/db/schema";
import type { NewConversation } from "./conversations";

// 1. Starting a run ----------------------------------------------------------------------------------------------

export interface NewWorkflowRun {
  workspaceId: string;
  appId: string;
  appVersionId: string | null;
  /** An existing conversation's id (a chatflow's next turn), or the conversation to create. */
  conversation: { id: string } | NewConversation;
  /** The question as the Logs page shows it. */
  query: string;
  inputs: Record<string, unknown>;
  snapshot: WorkflowSnapshot;
  createdBy: string | null;
}

/**
 * The conversation (new or touched), the question, a "running" answer and the queued run. The answer has no lease
 * (lease_until null): the run's job owns its state, so the interrupted-runs sweep leaves it to resume.
 */
export async function insertWorkflowRun(db: Db, run: NewWorkflowRun) {
  const { workspaceId } = run;
  return db.transaction(async (tx) => {
    const now = new Date();
    let conversationId: string;
    if ("id" in run.conversation) {
      conversationId = run.conversation.id;
      await tx.update(conversations).set({ updatedAt: now }).where(and(eq(conversations.workspaceId, workspaceId), eq(conversations.id, conversationId)));
    } else {
      const [row] = await tx.insert(conversations).values({ ...run.conversation, workspaceId, createdAt: now, updatedAt: now }).returning({ id: conversations.id });
      conversationId = row!.id;
    }
    await tx.insert(messages).values({ workspaceId, conversationId, role: "user", content: run.query, status: "completed", createdAt: now });
    const [answer] = await tx
      .insert(messages)
      .values({ workspaceId, conversationId, role: "assistant", content: "", status: "running", createdAt: now, leaseUntil: null })
      .returning({ id: messages.id });
    const [row] = await tx
      .insert(workflowRuns)
      .values({
        workspaceId,
        appId: run.appId,
        appVersionId: run.appVersionId,
        conversationId,
        messageId: answer!.id,
        inputs: run.inputs,
        snapshot: run.snapshot,
        createdBy: run.createdBy,
      })
      .returning({ id: workflowRuns.id });
    return { runId: row!.id, conversationId, messageId: answer!.id };
  });
}

// 2. Reading -----------------------------------------------------------------------------------------------------

export async function findWorkflowRun(db: Tx, { workspaceId, id }: { workspaceId: string; id: string }): Promise<WorkflowRun | null> {
  const [row] = await db.select().from(workflowRuns).where(and(eq(workflowRuns.workspaceId, workspaceId), eq(workflowRuns.id, id)));
  return row ?? null;
}

export function listNodeRuns(db: Tx, { workspaceId, runId }: { workspaceId: string; runId: string }): Promise<WorkflowNodeRun[]> {
  return db
    .select()
    .from(workflowNodeRuns)
    .where(and(eq(workflowNodeRuns.workspaceId, workspaceId), eq(workflowNodeRuns.runId, runId)))
    .orderBy(asc(workflowNodeRuns.startedAt), asc(workflowNodeRuns.itemIndex), asc(workflowNodeRuns.id));
}

export async function countNodeRuns(db: Tx, { workspaceId, runId }: { workspaceId: string; runId: string }) {
  const [row] = await db
    .select({ n: count() })
    .from(workflowNodeRuns)
    .where(and(eq(workflowNodeRuns.workspaceId, workspaceId), eq(workflowNodeRuns.runId, runId), sql`${workflowNodeRuns.status} <> 'skipped'`));
  return row?.n ?? 0;
}

// 3. Running -----------------------------------------------------------------------------------------------------

/** Queued -> running; false when the run already ended (stopped before its job started). */
export async function markWorkflowRunRunning(db: Tx, { workspaceId, id }: { workspaceId: string; id: string }) {
  const rows = await db
    .update(workflowRuns)
    .set({ status: "running", startedAt: sql`coalesce(${workflowRuns.startedAt}, now())` })
    .where(and(eq(workflowRuns.workspaceId, workspaceId), eq(workflowRuns.id, id), inArray(workflowRuns.status, ["queued", "running"])))
    .returning({ id: workflowRuns.id });
  return rows.length > 0;
}

export type NodeRunValues = Pick<WorkflowNodeRun, "runId" | "workspaceId" | "nodeId" | "nodeType" | "itemIndex" | "status"> &
  Partial<Pick<WorkflowNodeRun, "inputs" | "outputs" | "error" | "branch" | "usage" | "startedAt" | "finishedAt" | "durationMs">>;

/** Stores a node run on (run, node, item): a resumed run's row replaces the one a crash left "running". */
export async function upsertNodeRun(db: Tx, values: NodeRunValues): Promise<WorkflowNodeRun> {
  const row = {
    inputs: null,
    outputs: null,
    error: null,
    branch: null,
    usage: null,
    finishedAt: null,
    durationMs: null,
    ...values,
    startedAt: values.startedAt ?? new Date(),
  };
  const { runId: _r, workspaceId: _w, nodeId: _n, itemIndex: _i, ...update } = row;
  const [stored] = await db
    .insert(workflowNodeRuns)
    .values(row)
    .onConflictDoUpdate({ target: [workflowNodeRuns.runId, workflowNodeRuns.nodeId, workflowNodeRuns.itemIndex], set: update })
    .returning();
  return stored!;
}

// 4. Finishing ---------------------------------------------------------------------------------------------------

export interface WorkflowRunEnd {
  workspaceId: string;
  id: string;
  status: "completed" | "failed" | "stopped";
  outputs: Record<string, unknown> | null;
  error: string | null;
  usage: TokenUsage | null;
  /** The answer's text: End outputs as JSON, or a chatflow's Answer texts. */
  content: string;
}

/** The run's final state and its answer's, once: false when the run had already ended (stopped, or finished). */
export async function finishWorkflowRun(db: Db, end: WorkflowRunEnd): Promise<boolean> {
  return db.transaction(async (tx) => {
    const now = new Date();
    const [run] = await tx
      .update(workflowRuns)
      .set({ status: end.status, outputs: end.outputs, error: end.error, usage: end.usage, finishedAt: now })
      .where(and(eq(workflowRuns.workspaceId, end.workspaceId), eq(workflowRuns.id, end.id), inArray(workflowRuns.status, ["queued", "running"])))
      .returning();
    if (!run) return false;
    await tx
      .update(messages)
      .set({ content: end.content, status: end.status, error: end.error, usage: end.usage, finishedAt: now, leaseUntil: null })
      .where(and(eq(messages.workspaceId, end.workspaceId), eq(messages.id, run.messageId)));
    await tx.update(conversations).set({ updatedAt: now }).where(and(eq(conversations.workspaceId, end.workspaceId), eq(conversations.id, run.conversationId)));
    return true;
  });
}

/** Runs left queued or running when the only process died (the in-process queue): a maintenance sweep across workspaces. */
export async function listUnfinishedWorkflowRuns(db: Tx) {
  return db
    .select({ id: workflowRuns.id, workspaceId: workflowRuns.workspaceId })
    .from(workflowRuns)
    .where(inArray(workflowRuns.status, ["queued", "running"]));
}

/** The statuses of the runs this process holds, by id (server/workflows/stop-watch.ts): maintenance across workspaces. */
export async function listWorkflowRunStatuses(db: Tx, { ids }: { ids: string[] }) {
  if (ids.length === 0) return [];
  return db.select({ id: workflowRuns.id, status: workflowRuns.status }).from(workflowRuns).where(inArray(workflowRuns.id, ids));
}

/**
 * Runs still "running" well past their own time limit (`maxRunSeconds` from their first start, plus `graceSeconds`):
 * no live process holds them, since the engine stops a run at its limit. A maintenance sweep across workspaces.
 */
export async function listOverdueWorkflowRuns(db: Tx, { graceSeconds, now = new Date() }: { graceSeconds: number; now?: Date }) {
  const limit = sql`coalesce((${workflowRuns.snapshot} -> 'graph' -> 'limits' ->> 'maxRunSeconds')::int, 600)`;
  return db
    .select({ id: workflowRuns.id, workspaceId: workflowRuns.workspaceId })
    .from(workflowRuns)
    .where(and(eq(workflowRuns.status, "running"), sql`${workflowRuns.startedAt} < ${now.toISOString()}::timestamptz - make_interval(secs => ${limit} + ${graceSeconds})`));
}

/** A stopped or timed-out run's nodes that were still running end "failed" with the run's reason. */
export async function failRunningNodeRuns(db: Tx, { workspaceId, runId, error }: { workspaceId: string; runId: string; error: string }) {
  await db
    .update(workflowNodeRuns)
    .set({ status: "failed", error, finishedAt: new Date() })
    .where(and(eq(workflowNodeRuns.workspaceId, workspaceId), eq(workflowNodeRuns.runId, runId), eq(workflowNodeRuns.status, "running")));
}

// 5. Logs ----------------------------------------------------------------------------------------------------------

/** A conversation's runs, oldest first, each with its node runs in the order they started. */
export async function listConversationRuns(db: Tx, { workspaceId, conversationId }: { workspaceId: string; conversationId: string }) {
  const runs = await db
    .select()
    .from(workflowRuns)
    .where(and(eq(workflowRuns.workspaceId, workspaceId), eq(workflowRuns.conversationId, conversationId)))
    .orderBy(asc(workflowRuns.createdAt), asc(workflowRuns.id));
  if (runs.length === 0) return [];
  const nodeRuns = await db
    .select()
    .from(workflowNodeRuns)
    .where(and(eq(workflowNodeRuns.workspaceId, workspaceId), inArray(workflowNodeRuns.runId, runs.map((run) => run.id))))
    .orderBy(asc(workflowNodeRuns.startedAt), asc(workflowNodeRuns.itemIndex), asc(workflowNodeRuns.id));
  return runs.map((run) => ({ ...run, nodeRuns: nodeRuns.filter((row) => row.runId === run.id) }));
}

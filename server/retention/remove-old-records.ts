// Removes each workspace's call logs and conversations older than its retention period (workspaces.retention_days),
// a batch at a time: every statement deletes at most `batchSize` call-log rows (or a tenth as many conversations) and
// commits by itself, so live traffic keeps writing to the same tables while a backlog of millions drains.
import "server-only";
import { getDb } from "@/server/db";
import { deleteCallLogBatch, deleteConversationBatch, listWorkspacesWithRetention } from "@/server/db/queries/retention";

/** Rows per statement: small enough that one statement holds its row locks for well under a second (docs/performance-data.md). */
export const defaultRetentionBatchSize = 5_000;

const dayMs = 24 * 60 * 60 * 1000;

// A conversation takes its messages and tool calls with it (ON DELETE CASCADE). In the bench 5,000 conversations of
// 4 rows each took 0.3-0.5 s in one statement and 20,000 took 1.7 s; real ones often hold dozens of rows, so a
// statement deletes a tenth as many conversations as call-log rows.
const rowsPerConversation = 10;

export type RetentionTable = "mcp_call_logs" | "conversations";

export interface RetentionBatch {
  workspaceId: string;
  table: RetentionTable;
  rows: number;
  /** How long the statement ran: the longest any of its row locks was held. */
  ms: number;
}

export interface RetentionOptions {
  now?: Date;
  /** Call-log rows per statement; conversations go a tenth as many at a time (they take their messages along). */
  batchSize?: number;
  /** Checked between batches: an aborted run stops before its next statement. */
  signal?: AbortSignal;
  onBatch?: (batch: RetentionBatch) => void;
}

const batchDeletes = { mcp_call_logs: deleteCallLogBatch, conversations: deleteConversationBatch } as const;

export async function removeOldRecords({ now = new Date(), batchSize = defaultRetentionBatchSize, signal, onBatch }: RetentionOptions = {}) {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  const db = await getDb();
  const removed = { callLogs: 0, conversations: 0, stopped: false };
  for (const workspace of await listWorkspacesWithRetention(db)) {
    const before = new Date(now.getTime() - workspace.retentionDays * dayMs);
    for (const table of ["mcp_call_logs", "conversations"] as const) {
      const limit = table === "conversations" ? Math.ceil(batchSize / rowsPerConversation) : batchSize;
      for (;;) {
        if (signal?.aborted) return { ...removed, stopped: true };
        const started = performance.now();
        const rows = await batchDeletes[table](db, { workspaceId: workspace.id, before, limit });
        onBatch?.({ workspaceId: workspace.id, table, rows, ms: performance.now() - started });
        if (table === "mcp_call_logs") removed.callLogs += rows;
        else removed.conversations += rows;
        if (rows < limit) break;
      }
    }
  }
  return removed;
}

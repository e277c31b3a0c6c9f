// One mcp_call_logs row per JSON-RPC request. Written off the response path and in batches: the caller never waits
// for the insert, and a failed insert is reported in the server log rather than failing the call.
import "server-only";
import { getDb } from "@/server/db";
import { insertCallLogs } from "@/server/db/queries/published-servers";
import type { mcpCallLogs } from "@/server/db/schema";

export type CallOutcome = "ok" | "error" | "cancelled";

export interface CallLogEntry {
  appId: string;
  workspaceId: string;
  method: string;
  toolArguments?: unknown;
  outcome: CallOutcome;
  error?: string | null;
  startedAt: number;
  clientName?: string | null;
  clientVersion?: string | null;
  conversationId?: string | null;
}

// Rows wait a few milliseconds and go in together: under load one multi-row insert replaces hundreds of single ones.
const flushDelayMs = 20;
const maxBatch = 200;
let queued: Array<typeof mcpCallLogs.$inferInsert> = [];
let timer: NodeJS.Timeout | null = null;
const pending = new Set<Promise<void>>();

export function recordCall(entry: CallLogEntry): void {
  queued.push({
    appId: entry.appId,
    workspaceId: entry.workspaceId,
    method: entry.method.slice(0, 100),
    toolArguments: entry.toolArguments ?? null,
    outcome: entry.outcome,
    error: entry.error?.slice(0, 2_000) ?? null,
    durationMs: Math.max(0, Math.round(Date.now() - entry.startedAt)),
    clientName: entry.clientName?.slice(0, 200) ?? null,
    clientVersion: entry.clientVersion?.slice(0, 100) ?? null,
    conversationId: entry.conversationId ?? null,
    // Set here, in whole milliseconds, so the Logs page's cursor (a JS Date) compares exactly.
    createdAt: new Date(entry.startedAt),
  });
  if (queued.length >= maxBatch) flush();
  else timer ??= setTimeout(flush, flushDelayMs);
}

function flush() {
  if (timer) clearTimeout(timer);
  timer = null;
  const rows = queued;
  queued = [];
  if (rows.length === 0) return;
  const write = (async () => insertCallLogs(await getDb(), rows))()
    .catch((error: unknown) => console.error(`[mcp_server:call_log] ${rows.length} log rows could not be written`, String(error)))
    .finally(() => pending.delete(write));
  pending.add(write);
}

/** Resolves once every log row recorded so far is written (tests, graceful shutdown). */
export async function settleCallLogs(): Promise<void> {
  flush();
  while (pending.size > 0) await Promise.all([...pending]);
}

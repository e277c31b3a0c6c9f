// One mcp_call_logs row per JSON-RPC request. Written off the response path: the caller never waits for the
// insert, and a failed insert is reported in the server log rather than failing the call.
import "server-only";
import { getDb } from "@/server/db";
import { insertCallLog } from "@/server/db/queries/published-servers";

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

const pending = new Set<Promise<void>>();

export function recordCall(entry: CallLogEntry): void {
  const write = (async () => {
    const db = await getDb();
    await insertCallLog(db, {
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
  })()
    .catch((error: unknown) => console.error(`[mcp_server:call_log] app ${entry.appId}: log write failed`, String(error)))
    .finally(() => pending.delete(write));
  pending.add(write);
}

/** Resolves once every log write started so far has finished (tests, graceful shutdown). */
export async function settleCallLogs(): Promise<void> {
  while (pending.size > 0) await Promise.all([...pending]);
}

// One mcp_call_logs row per JSON-RPC request. Written off the response path and in batches: the caller never waits
// for the insert, and a failed insert is reported in the server log rather than failing the call. Rows are made
// storable first (a client's NUL bytes must not sink the batch with everyone else's rows), a batch the database was
// away for is tried again (rows already written are skipped by id), and a batch refused for any other reason is
// retried row by row.
import "server-only";
import { getDb } from "@/server/db";
import { isDatabaseUnreachable } from "@/server/errors";
import { insertCallLogs, type CallLogRow } from "@/server/db/queries/published-servers";

export type CallOutcome = "ok" | "error" | "cancelled" | "refused";

export interface CallLogEntry {
  /** Null for a workspace server request that ran no app (tools/list, a refusal). */
  appId: string | null;
  workspaceId: string;
  /** Through the workspace server (default: the app's own). */
  workspaceServer?: boolean;
  method: string;
  toolArguments?: unknown;
  outcome: CallOutcome;
  error?: string | null;
  startedAt: number;
  clientName?: string | null;
  clientVersion?: string | null;
  conversationId?: string | null;
  /** Sign-in mode: the person and OAuth client behind the token. */
  caller?: { userId: string; clientId: string; clientName: string } | null;
}

// Rows wait a few milliseconds and go in together: under load one multi-row insert replaces hundreds of single ones.
const flushDelayMs = 20;
const maxBatch = 200;
let queued: CallLogRow[] = [];
let timer: NodeJS.Timeout | null = null;
const pending = new Set<Promise<void>>();
// While the database is away: a retry each second for half a minute, holding at most this many rows.
const retryDelayMs = 1_000;
const maxAttempts = 30;
const maxHeld = 10_000;
const attempts = new WeakMap<object, number>();

// PostgreSQL text refuses NUL, and jsonb also refuses unpaired surrogates: both become U+FFFD.
const unstorable = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const storableText = (text: string, max: number) => text.slice(0, max).replace(unstorable, "\uFFFD");
// In JSON text, the same characters appear as escapes; the lookbehind skips an escaped backslash's "\\u0000".
const unstorableEscape = /(?<=(?:^|[^\\])(?:\\\\)*)(?:\\u0000|\\ud[89ab][0-9a-f]{2}(?!\\ud[c-f][0-9a-f]{2})|(?<!\\ud[89ab][0-9a-f]{2})\\ud[c-f][0-9a-f]{2})/gi;

function storableJson(value: unknown): unknown {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? null : JSON.parse(text.replace(unstorableEscape, "\\ufffd"));
  } catch {
    return { unstorable: "These arguments could not be stored." };
  }
}

export function recordCall(entry: CallLogEntry): void {
  queued.push({
    // Set once, here: a batch whose connection broke after the database wrote it is tried again, and the same ids
    // then make the second insert a no-op rather than a second copy of every row.
    id: crypto.randomUUID(),
    appId: entry.appId,
    workspaceId: entry.workspaceId,
    workspaceServer: entry.workspaceServer ?? false,
    method: storableText(entry.method, 100),
    toolArguments: entry.toolArguments === undefined ? null : storableJson(entry.toolArguments),
    outcome: entry.outcome,
    error: entry.error ? storableText(entry.error, 2_000) : null,
    durationMs: Math.max(0, Math.round(Date.now() - entry.startedAt)),
    clientName: entry.clientName ? storableText(entry.clientName, 200) : null,
    clientVersion: entry.clientVersion ? storableText(entry.clientVersion, 100) : null,
    conversationId: entry.conversationId ?? null,
    callerUserId: entry.caller?.userId ?? null,
    oauthClientId: entry.caller ? storableText(entry.caller.clientId, 2_000) : null,
    oauthClientName: entry.caller ? storableText(entry.caller.clientName, 200) : null,
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
  const write = insertRows(rows).finally(() => pending.delete(write));
  pending.add(write);
}

async function insertRows(rows: CallLogRow[]) {
  try {
    await insertCallLogs(await getDb(), rows);
  } catch (error) {
    if (isDatabaseUnreachable(error)) return holdForRetry(rows);
    if (rows.length === 1) return void console.error("[mcp_server:call_log] a log row could not be written", String(error));
    // One row the database refuses must not take the others with it.
    for (const row of rows) await insertRows([row]);
  }
}

function holdForRetry(rows: CallLogRow[]) {
  const again = rows.filter((row) => {
    const n = (attempts.get(row) ?? 0) + 1;
    attempts.set(row, n);
    return n < maxAttempts;
  });
  const room = Math.max(0, maxHeld - queued.length);
  const dropped = rows.length - Math.min(again.length, room);
  if (dropped > 0) console.error(`[mcp_server:call_log] ${dropped} log rows dropped: the database was away too long`);
  queued.unshift(...again.slice(0, room));
  timer ??= setTimeout(flush, retryDelayMs);
}

/** Resolves once every log row recorded so far is written, or dropped after its last try (tests). */
export async function settleCallLogs(): Promise<void> {
  // Rows held for a retry go now rather than at their timer.
  while (queued.length > 0 || pending.size > 0) {
    flush();
    await Promise.all([...pending]);
  }
}

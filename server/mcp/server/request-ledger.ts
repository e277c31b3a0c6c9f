// Follows every JSON-RPC request of one HTTP request from arrival to answer, so each gets exactly one call log
// line, whether it is answered, fails, is cancelled or its client goes away.
import "server-only";
import { isJSONRPCErrorResponse, isJSONRPCRequest, isJSONRPCResultResponse, type JSONRPCMessage, type RequestId } from "@modelcontextprotocol/sdk/types.js";
import { recordCall, type CallLogEntry, type CallOutcome } from "./call-log";
import type { ClientInfo } from "./client-session";

interface Pending {
  method: string;
  /** On the workspace server, the app a tools/call ran. */
  appId?: string;
  toolArguments?: unknown;
  startedAt: number;
  outcome?: CallOutcome;
  error?: string | null;
  conversationId?: string | null;
}

const idKey = (id: RequestId) => `${typeof id}:${String(id)}`;

export class RequestLedger {
  private readonly pending = new Map<string, Pending>();
  private idle: (() => void) | null = null;

  constructor(
    private readonly base: { appId: string | null; workspaceId: string; workspaceServer: boolean; caller?: CallLogEntry["caller"] },
    private readonly client: ClientInfo,
  ) {}

  begin(messages: JSONRPCMessage[]) {
    const startedAt = Date.now();
    for (const message of messages) {
      if (!isJSONRPCRequest(message)) continue;
      const params = message.params as { arguments?: unknown } | undefined;
      this.pending.set(idKey(message.id), {
        method: message.method,
        toolArguments: message.method === "tools/call" ? (params?.arguments ?? {}) : undefined,
        startedAt,
      });
    }
  }

  get size() {
    return this.pending.size;
  }

  /** Called once when the last request is settled; at once if none is pending. */
  onIdle(callback: () => void) {
    this.idle = callback;
    if (this.pending.size === 0) this.fireIdle();
  }

  /** What only the handler knows: the conversation, the owner-facing error, a cancellation. */
  annotate(id: RequestId, details: { appId?: string; outcome?: CallOutcome; error?: string | null; conversationId?: string | null }) {
    const entry = this.pending.get(idKey(id));
    if (entry) Object.assign(entry, details);
  }

  /**
   * True when the handler marked the request cancelled (notifications/cancelled, here or at another instance, or the
   * client gone): such a request gets no answer at all (MCP 2025-06-18, utilities/cancellation: receivers SHOULD NOT
   * send a response for it; clients that already gave up report one as "unknown message ID").
   */
  wasCancelled(id: RequestId): boolean {
    return this.pending.get(idKey(id))?.outcome === "cancelled";
  }

  /** Drops a request without a log line: a call that became a task is logged when its run ends (tasks/). */
  forget(id: RequestId) {
    this.pending.delete(idKey(id));
    if (this.pending.size === 0) this.fireIdle();
  }

  /** An answer on its way out: a result, or a JSON-RPC error. */
  answered(message: JSONRPCMessage) {
    if (isJSONRPCResultResponse(message)) {
      const isError = (message.result as { isError?: unknown }).isError === true;
      this.settle(message.id, isError ? "error" : "ok");
    } else if (isJSONRPCErrorResponse(message) && message.id !== undefined) {
      this.settle(message.id, "error", message.error.message);
    }
  }

  /** Settles a request with no answer (cancelled, client gone); the handler's annotation wins. */
  settle(id: RequestId, outcome: CallOutcome, error?: string) {
    const key = idKey(id);
    const entry = this.pending.get(key);
    if (!entry) return;
    this.pending.delete(key);
    this.write(entry, outcome, error);
    if (this.pending.size === 0) this.fireIdle();
  }

  /** Requests still open (those `only` picks, default all), e.g. when the client went away. */
  settleAll(outcome: CallOutcome, error?: string, only: (method: string) => boolean = () => true) {
    for (const [key, entry] of [...this.pending]) {
      if (!only(entry.method)) continue;
      this.pending.delete(key);
      this.write(entry, outcome, error);
    }
    if (this.pending.size === 0) this.fireIdle();
  }

  private write(entry: Pending, outcome: CallOutcome, error?: string) {
    const log: CallLogEntry = {
      ...this.base,
      appId: entry.appId ?? this.base.appId,
      method: entry.method,
      toolArguments: entry.toolArguments,
      outcome: entry.outcome ?? outcome,
      error: entry.error ?? error ?? null,
      startedAt: entry.startedAt,
      clientName: this.client.name,
      clientVersion: this.client.version,
      conversationId: entry.conversationId ?? null,
    };
    recordCall(log);
  }

  private fireIdle() {
    const idle = this.idle;
    this.idle = null;
    idle?.();
  }
}

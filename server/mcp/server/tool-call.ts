// tools/call on the published tool, whichever lane and way the request came: the 2026-07-28 SDK v2 server
// (modern-server.ts), the 2025 per-request SDK v1 server (batches, progress over SSE) or answered directly as JSON
// (direct-answers.ts). The name check, cancellation from this or
// another instance, a progress notification per runtime step, the run, and what the call log needs to know.
import "server-only";
import { ErrorCode, type CallToolRequest, type CallToolResult, type RequestId, type ServerNotification, type Tool } from "@modelcontextprotocol/sdk/types.js";
import type { RunEvent } from "@/server/agent/run-events";
import type { AppConfig, AppType } from "@/server/apps/app-config";
import type { Kv } from "@/server/kv";
import type { ProviderSource } from "@/server/llm/get-language-model";
import { callPublishedTool } from "./call-tool";
import { callKey, trackCall } from "./cancellations";
import type { ClientInfo } from "./client-session";
import type { RequestLedger } from "./request-ledger";

/** Everything one HTTP request's handlers need: the published version, the client and the request itself. */
export interface ServerContext {
  appId: string;
  workspaceId: string;
  appType: AppType;
  appName: string;
  version: number;
  versionId: string;
  config: AppConfig;
  provider: ProviderSource | null;
  tool: Tool;
  protocolVersion: string;
  /** Aborts when the HTTP client goes away. */
  requestSignal: AbortSignal;
  clientScope: string;
  kv: Kv;
  cancelPollMs: number;
  ledger: RequestLedger;
  /** Set where calls may run as tasks (tasks/task-scope.ts): who the caller is, and its scope. */
  tasks?: { scope: string; client: ClientInfo; caller?: { userId: string; clientId: string; clientName: string } | null };
}

export interface ToolCallChannel {
  requestId: RequestId;
  /** The SDK's own signal for this request, when the SDK server handles it. */
  signal?: AbortSignal;
  /** Sends a notification tied to this request; only the SDK server's SSE answers have one. */
  notify?(notification: ServerNotification): Promise<void>;
}

/** A progress message per runtime step (MCP 2025-06-18, utilities/progress); other events are not steps. */
function progressMessage(event: RunEvent): string | null {
  switch (event.type) {
    case "tool-call-started":
      return `Calling tool ${event.name}`;
    case "tool-call-finished":
      return event.stopped ? `Tool ${event.name} stopped` : event.isError ? `Tool ${event.name} failed` : `Tool ${event.name} finished`;
    case "round-finished":
      return `Model round ${event.round} finished`;
    default:
      return null;
  }
}

/** Throws an error with a JSON-RPC `code` for a tool name this server does not have. */
export function assertPublishedToolName(ctx: Pick<ServerContext, "tool">, name: string) {
  if (name !== ctx.tool.name) {
    // Not McpError: its message already starts "MCP error -32602:", and clients add that prefix again.
    throw Object.assign(new Error(`Unknown tool "${name.slice(0, 100)}". This server has one tool: "${ctx.tool.name}".`), {
      code: ErrorCode.InvalidParams,
    });
  }
}

/** The call's result; throws an error with a JSON-RPC `code` only for a tool name this server does not have. */
export async function runToolCall(ctx: ServerContext, params: CallToolRequest["params"], channel: ToolCallChannel): Promise<CallToolResult> {
  assertPublishedToolName(ctx, params.name);
  const tracked = trackCall(callKey({ appId: ctx.appId, clientScope: ctx.clientScope, requestId: channel.requestId }), {
    kv: ctx.kv,
    pollMs: ctx.cancelPollMs,
  });
  const signal = AbortSignal.any([...(channel.signal ? [channel.signal] : []), ctx.requestSignal, tracked.signal]);
  const progressToken = params._meta?.progressToken;
  let progress = 0;
  const onEvent =
    progressToken === undefined || !channel.notify
      ? undefined
      : (event: RunEvent) => {
          const message = progressMessage(event);
          if (!message || signal.aborted) return;
          progress += 1;
          channel.notify!({ method: "notifications/progress", params: { progressToken, progress, message } }).catch(() => {});
        };
  try {
    const outcome = await callPublishedTool({
      workspaceId: ctx.workspaceId,
      appId: ctx.appId,
      appType: ctx.appType,
      versionId: ctx.versionId,
      config: ctx.config,
      provider: ctx.provider,
      args: params.arguments ?? {},
      signal,
      onEvent,
    });
    ctx.ledger.annotate(channel.requestId, { outcome: outcome.outcome, error: outcome.error, conversationId: outcome.conversationId });
    // The SDK sends nothing for a request its own signal aborted, so the log line is written here instead.
    if (channel.signal?.aborted) ctx.ledger.settle(channel.requestId, "cancelled");
    return outcome.result;
  } finally {
    tracked.done();
  }
}

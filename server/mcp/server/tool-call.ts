// tools/call on a published tool, whichever server (an app's, the workspace's), lane and way the request came: the 2026-07-28 SDK v2 server
// (modern-server.ts), the 2025 per-request SDK v1 server (batches, progress over SSE) or answered directly as JSON
// (direct-answers.ts). The name check, cancellation from this or another instance, progress for calls that ask
// (call-progress.ts), the run, and what the call log needs to know.
import "server-only";
import { ErrorCode, type CallToolRequest, type CallToolResult, type JSONRPCRequest, type RequestId, type ServerNotification } from "@modelcontextprotocol/sdk/types.js";
import type { Kv } from "@/server/kv";
import type { PublishedTool } from "./build-tool";
import { startCallProgress } from "./call-progress";
import { publishedApprover } from "./call-approval";
import { elicitingApprover, type ClientAsking } from "./call-elicitation";
import { callPublishedTool } from "./call-tool";
import type { Endpoint } from "./endpoint";
import { callKey, trackCall } from "./cancellations";
import type { ClientInfo } from "./client-session";
import type { RequestLedger } from "./request-ledger";
import type { CallOutcome } from "./call-log";
import type { Approver } from "@/server/agent/tool-approval";
import { observePublishedCall, type ObservedCall } from "@/server/observability/observe-call";

/** Everything one HTTP request's handlers need: the server and its tools, the client and the request itself. */
export interface ServerContext {
  /** The endpoint's key for cancellations (endpoint.ts). */
  serverKey: string;
  workspaceId: string;
  /** The app of an app server; null on the workspace server, which runs no tasks. */
  appId: string | null;
  workspaceServer: boolean;
  info: Endpoint["info"];
  instructions: string | null;
  /** What tools/list answers, one per published app offered. */
  tools: PublishedTool[];
  protocolVersion: string;
  /** Aborts when the HTTP client goes away. */
  requestSignal: AbortSignal;
  clientScope: string;
  kv: Kv;
  cancelPollMs: number;
  ledger: RequestLedger;
  /**
   * The signed-in person the calls run for (sign-in mode: the caller's token's user), whose own connections
   * per-person MCP servers use; null for secret-URL and API-key calls, where those servers are unavailable.
   */
  personId: string | null;
  /** What a tool that asks first gets when the client cannot be asked (call-approval.ts). */
  approvalPolicy: Endpoint["approvalPolicy"];
  /**
   * Set when the client declared form-mode elicitation (client-session.ts) on a protocol that has it: tools that ask
   * first ask the client's user (call-elicitation.ts), waiting this long for the answer. Null: the policy answers.
   */
  askClient: ClientAsking | null;
  /** The client declared URL-mode elicitation: a person who must connect an account first is sent to do so. */
  connectByUrl: boolean;
  /** Set where calls may run as tasks (tasks/task-scope.ts): who the caller is, and its scope. */
  tasks?: { scope: string; client: ClientInfo; caller?: { userId: string; clientId: string; clientName: string } | null };
}

export interface ToolCallChannel {
  requestId: RequestId;
  /** The SDK's own signal for this request, when the SDK server handles it. */
  signal?: AbortSignal;
  /** Sends a notification tied to this request; only the SDK server's SSE answers have one. */
  notify?(notification: ServerNotification): Promise<void>;
  /** Sends a request to the client on this request's SSE stream; only the 2025 lane's SDK server has one. */
  request?(message: JSONRPCRequest): Promise<void>;
  /** False where nobody waits on the wire for a heartbeat (a task's job); call-progress.ts. */
  heartbeat?: boolean;
  /** Who approves a tool that asks first, where the channel asks its own way (round-trips.ts); else approverFor. */
  approver?: (appName: string) => Approver;
  /** What the run's log line should say, for a channel that writes it elsewhere (round-trips.ts). */
  onSettled?(details: CallDetails): void;
}

/** What only the run knows of a call, for its log line. */
export interface CallDetails {
  appId: string;
  outcome: CallOutcome;
  error: string | null;
  conversationId: string | null;
}

/** The tool by its name; throws an error with a JSON-RPC `code` for a name this server does not have. */
export function findPublishedTool(ctx: Pick<ServerContext, "tools">, name: string): PublishedTool {
  const found = ctx.tools.find((entry) => entry.tool.name === name);
  if (found) return found;
  const only = ctx.tools.length === 1 ? ` This server has one tool: "${ctx.tools[0]!.tool.name}".` : " Call tools/list for this server's tools.";
  // Not McpError: its message already starts "MCP error -32602:", and clients add that prefix again.
  throw Object.assign(new Error(`Unknown tool "${name.slice(0, 100)}".${only}`), { code: ErrorCode.InvalidParams });
}

/** The call's result; throws an error with a JSON-RPC `code` for a tool name this server does not have, or to send
 * the caller's user to connect an account first (call-tool.ts connectElsewhere). */
export function runToolCall(ctx: ServerContext, params: CallToolRequest["params"], channel: ToolCallChannel): Promise<CallToolResult> {
  // A span and the call counters around each call (server/observability/observe-call.ts).
  const known = ctx.tools.some((entry) => entry.tool.name === params.name);
  const call = { workspaceId: ctx.workspaceId, appId: ctx.appId, tool: params.name, workspaceServer: ctx.workspaceServer, known };
  return observePublishedCall(call, (observed) => runObservedCall(ctx, params, channel, observed));
}

async function runObservedCall(ctx: ServerContext, params: CallToolRequest["params"], channel: ToolCallChannel, observed: ObservedCall): Promise<CallToolResult> {
  const { app, config } = findPublishedTool(ctx, params.name);
  // On the workspace server the log line names the app the call ran, so the log can be filtered by app.
  ctx.ledger.annotate(channel.requestId, { appId: app.appId });
  const tracked = trackCall(callKey({ serverKey: ctx.serverKey, clientScope: ctx.clientScope, requestId: channel.requestId }), {
    kv: ctx.kv,
    pollMs: ctx.cancelPollMs,
  });
  const signal = AbortSignal.any([...(channel.signal ? [channel.signal] : []), ctx.requestSignal, tracked.signal]);
  const progressToken = params._meta?.progressToken;
  // Only a call that asked for progress, on a channel that can send it, gets any (and a heartbeat timer).
  const progress =
    progressToken === undefined || !channel.notify
      ? undefined
      : startCallProgress({ progressToken, notify: channel.notify, signal, heartbeat: channel.heartbeat !== false });
  try {
    const outcome = await callPublishedTool({
      workspaceId: ctx.workspaceId,
      appId: app.appId,
      appType: app.appType,
      versionId: app.versionId,
      config,
      provider: app.provider,
      args: params.arguments ?? {},
      signal,
      onEvent: progress?.onEvent,
      personId: ctx.personId,
      approve: channel.approver?.(app.appName) ?? approverFor(ctx, channel, app.appName),
      connectByUrl: ctx.connectByUrl,
    });
    const details = { appId: app.appId, outcome: outcome.outcome, error: outcome.error, conversationId: outcome.conversationId };
    ctx.ledger.annotate(channel.requestId, details);
    channel.onSettled?.(details);
    observed.settle(outcome.outcome, app.appId);
    if (outcome.refusal) throw outcome.refusal;
    // The SDK sends nothing for a request its own signal aborted, so the log line is written here instead.
    if (channel.signal?.aborted) ctx.ledger.settle(channel.requestId, "cancelled");
    return outcome.result;
  } finally {
    progress?.stop();
    tracked.done();
  }
}

/** The client's user when it can be asked on this call's stream; otherwise the server's policy (call-approval.ts). */
function approverFor(ctx: ServerContext, channel: ToolCallChannel, appName: string) {
  const policy = publishedApprover(ctx.approvalPolicy);
  if (!ctx.askClient || !channel.request || !channel.notify) return policy;
  return elicitingApprover({
    serverKey: ctx.serverKey,
    clientScope: ctx.clientScope,
    kv: ctx.kv,
    protocolVersion: ctx.protocolVersion,
    personId: ctx.personId,
    appName,
    asking: ctx.askClient,
    request: channel.request,
    notify: channel.notify,
    fallback: policy,
  });
}

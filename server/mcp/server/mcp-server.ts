// The MCP server for one HTTP request: one tool, the published app. Built per request because a stateless
// transport serves exactly one (TOOLCHAIN.md); the tool definition itself comes from the per-version cache.
import "server-only";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, type Tool } from "@modelcontextprotocol/sdk/types.js";
import type { RunEvent } from "@/server/agent/run-events";
import type { AppConfig, AppType } from "@/server/apps/app-config";
import type { Kv } from "@/server/kv";
import { callPublishedTool } from "./call-tool";
import { supportsStructuredOutput, toolForProtocol } from "./build-tool";
import { callKey, trackCall } from "./cancellations";
import type { RequestLedger } from "./request-ledger";

export interface ServerContext {
  appId: string;
  workspaceId: string;
  appType: AppType;
  appName: string;
  version: number;
  versionId: string;
  config: AppConfig;
  tool: Tool;
  protocolVersion: string;
  /** Aborts when the HTTP client goes away. */
  requestSignal: AbortSignal;
  clientScope: string;
  kv: Kv;
  cancelPollMs: number;
  ledger: RequestLedger;
}

/** A progress message per runtime step (MCP 2025-06-18, utilities/progress); other events are not steps. */
function progressMessage(event: RunEvent): string | null {
  switch (event.type) {
    case "tool-call-started":
      return `Calling tool ${event.name}`;
    case "tool-call-finished":
      return event.isError ? `Tool ${event.name} failed` : `Tool ${event.name} finished`;
    case "round-finished":
      return `Model round ${event.round} finished`;
    default:
      return null;
  }
}

// The SDK builds a new Ajv (and registers its keywords) for every Server unless given one: share it, since the
// per-request server would otherwise spend more time setting up validation than answering.
const jsonSchemaValidator = new AjvJsonSchemaValidator();

export function createPublishedServer(ctx: ServerContext): Server {
  const server = new Server(
    { name: ctx.tool.name, title: ctx.appName, version: String(ctx.version) },
    { capabilities: { tools: { listChanged: false }, logging: {} }, jsonSchemaValidator },
  );

  server.setRequestHandler(ListToolsRequestSchema, () => ({ tools: [toolForProtocol(ctx.tool, ctx.protocolVersion)] }));

  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    if (request.params.name !== ctx.tool.name) {
      // Not McpError: its message already starts "MCP error -32602:", and clients add that prefix again.
      throw Object.assign(new Error(`Unknown tool "${request.params.name.slice(0, 100)}". This server has one tool: "${ctx.tool.name}".`), {
        code: ErrorCode.InvalidParams,
      });
    }
    const tracked = trackCall(callKey({ appId: ctx.appId, clientScope: ctx.clientScope, requestId: extra.requestId }), {
      kv: ctx.kv,
      pollMs: ctx.cancelPollMs,
    });
    const signal = AbortSignal.any([extra.signal, ctx.requestSignal, tracked.signal]);
    const progressToken = request.params._meta?.progressToken;
    let progress = 0;
    const onEvent =
      progressToken === undefined
        ? undefined
        : (event: RunEvent) => {
            const message = progressMessage(event);
            if (!message || signal.aborted) return;
            progress += 1;
            extra.sendNotification({ method: "notifications/progress", params: { progressToken, progress, message } }).catch(() => {});
          };
    try {
      const outcome = await callPublishedTool({
        workspaceId: ctx.workspaceId,
        appId: ctx.appId,
        appType: ctx.appType,
        versionId: ctx.versionId,
        config: ctx.config,
        args: request.params.arguments ?? {},
        signal,
        structured: supportsStructuredOutput(ctx.protocolVersion),
        onEvent,
      });
      ctx.ledger.annotate(extra.requestId, { outcome: outcome.outcome, error: outcome.error, conversationId: outcome.conversationId });
      // The SDK sends nothing for a request its own signal aborted, so the log line is written here instead.
      if (extra.signal.aborted) ctx.ledger.settle(extra.requestId, "cancelled");
      return outcome.result;
    } finally {
      tracked.done();
    }
  });

  return server;
}

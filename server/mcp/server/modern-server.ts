// The MCP server for one 2026-07-28 request (SDK v2, `@modelcontextprotocol/server`): the same one tool as the
// 2025 lane (build-tool.ts) and the same run (tool-call.ts). createMcpHandler asks for a fresh instance per request;
// this factory finds the request's context by the Request object it is handed (modern-lane.ts puts it there).
import "server-only";
import { Server, type CallToolResult, type Notification, type Transport } from "@modelcontextprotocol/server";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/server/validators/ajv";
import type { ServerNotification } from "@modelcontextprotocol/sdk/types.js";
import { runToolCall, type ServerContext } from "./tool-call";
import { withoutInternals } from "./without-internals";

// One validator for every per-request instance, as mcp-server.ts does for the 2025 lane.
const jsonSchemaValidator = new AjvJsonSchemaValidator();
// A published version never changes, but its settings (tool name, description) may: a minute is what a client may
// keep a tool list or discover result without asking again (2026-07-28, `ttlMs`/`cacheScope` on cacheable results).
// "private": a server with keys answers only callers who bring one.
const cacheHint = { ttlMs: 60_000, cacheScope: "private" as const };

const contexts = new WeakMap<Request, ModernContext>();

export interface ModernContext extends ServerContext {
  /** Called with each message the instance sends; false keeps it off the wire (a cancelled call's answer). */
  onSend(message: Parameters<Transport["send"]>[0]): boolean;
}

export function bindModernContext(request: Request, ctx: ModernContext) {
  contexts.set(request, ctx);
}

export function createModernServer({ requestInfo }: { requestInfo?: Request }): Server {
  const ctx = requestInfo ? contexts.get(requestInfo) : undefined;
  if (!ctx) throw new Error("No published endpoint context for this request.");
  const server = new Server(
    { name: ctx.tool.name, title: ctx.appName, version: String(ctx.version) },
    { capabilities: { tools: { listChanged: false } }, jsonSchemaValidator, cacheHints: { "tools/list": cacheHint, "server/discover": cacheHint } },
  );
  server.setRequestHandler("tools/list", () => ({ tools: [ctx.tool] }) as never);
  server.setRequestHandler("tools/call", async (request, extra) => {
    const result = await runToolCall(ctx, request.params as never, {
      requestId: extra.mcpReq.id,
      signal: extra.mcpReq.signal,
      notify: (notification: ServerNotification) => extra.mcpReq.notify(notification as Notification),
    });
    return result as CallToolResult;
  });
  // Everything the instance sends passes here: errors lose their internals, the ledger logs each answer, and a
  // cancelled call's answer is dropped and its exchange closed (no response after notifications/cancelled).
  const connect = server.connect.bind(server);
  server.connect = async (transport: Transport) => {
    const send = transport.send.bind(transport);
    transport.send = async (message, options) => {
      if (ctx.onSend(message)) return send(withoutInternals(message as never), options);
      await transport.close();
    };
    return connect(transport);
  };
  return server;
}

// The MCP server for one 2026-07-28 request (SDK v2, `@modelcontextprotocol/server`): the same one tool as the
// 2025 lane (build-tool.ts) and the same run (tool-call.ts). createMcpHandler asks for a fresh instance per request;
// this factory finds the request's context by the Request object it is handed (modern-lane.ts puts it there).
import "server-only";
import { inputRequired, Server, type CallToolResult, type Notification, type Transport } from "@modelcontextprotocol/server";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/server/validators/ajv";
import { ErrorCode, type ServerNotification } from "@modelcontextprotocol/sdk/types.js";
import { listedTools } from "./build-tool";
import { resumeRounds, roundStateCodec, startRounds, type RoundState } from "./round-trips";
import { runToolCall, type ServerContext, type ToolCallChannel } from "./tool-call";
import { withoutInternals } from "./without-internals";

// One validator for every per-request instance, as mcp-server.ts does for the 2025 lane.
const jsonSchemaValidator = new AjvJsonSchemaValidator();
// A published version never changes, but its settings (tool name, description) may: a minute is what a client may
// keep a tool list or discover result without asking again (2026-07-28, `ttlMs`/`cacheScope` on cacheable results).
// "private": a server with keys answers only callers who bring one.
const cacheHint = { ttlMs: 60_000, cacheScope: "private" as const };
// The workspace server's tools change whenever its owner switches an app or publishes one: a shorter hint, since a
// stateless client has no list_changed notification to tell it.
const workspaceCacheHint = { ttlMs: 10_000, cacheScope: "private" as const };

const contexts = new WeakMap<Request, ModernContext>();

export interface ModernContext extends ServerContext {
  /** Called with each message the instance sends; false keeps it off the wire (a cancelled call's answer). */
  onSend(message: Parameters<Transport["send"]>[0]): boolean;
}

export function bindModernContext(request: Request, ctx: ModernContext) {
  contexts.set(request, ctx);
}

/**
 * A per-person connection the caller must make first (call-tool.ts connectElsewhere, -32042 on the 2025 lane): on this
 * revision URL elicitation rides input_required instead. The client sends its user to the page and retries; the
 * retry checks the connection again, so nothing is kept between the rounds.
 */
function connectRequests(error: unknown) {
  const { code, data } = (error ?? {}) as { code?: unknown; data?: { elicitations?: Array<{ url: string; message: string }> } };
  if (code !== ErrorCode.UrlElicitationRequired || !data?.elicitations?.length) return null;
  return Object.fromEntries(data.elicitations.map((e, i) => [`connect_${i}`, inputRequired.elicitUrl({ message: e.message, url: e.url })]));
}

export function createModernServer({ requestInfo }: { requestInfo?: Request }): Server {
  const ctx = requestInfo ? contexts.get(requestInfo) : undefined;
  if (!ctx) throw new Error("No published endpoint context for this request.");
  const server = new Server(
    ctx.info,
    // The Tasks extension, declared in server/discover (SEP-2663 §Capability Negotiation); its requests are answered
    // before this server is built (modern-lane.ts).
    {
      // listChanged stays false even on the workspace server: a 2026 exchange has no stream the notification could
      // ride (list-changed.ts), and declaring it made subscriptions/listen hold a stream open that nothing would ever
      // write to. The short cache hint below is what tells these clients to list again.
      capabilities: { tools: { listChanged: false }, ...(ctx.tasks ? { extensions: { "io.modelcontextprotocol/tasks": {} } } : {}) },
      ...(ctx.instructions ? { instructions: ctx.instructions } : {}),
      jsonSchemaValidator,
      // A retry's requestState is checked (HMAC, expiry) before the handler sees it; a bad one is refused with -32602.
      requestState: { verify: (state, sdkCtx) => roundStateCodec().verify(state, sdkCtx) },
      cacheHints: ctx.workspaceServer ? { "tools/list": workspaceCacheHint, "server/discover": workspaceCacheHint } : { "tools/list": cacheHint, "server/discover": cacheHint },
    },
  );
  server.setRequestHandler("tools/list", () => ({ tools: listedTools(ctx) }) as never);
  server.setRequestHandler("tools/call", async (request, extra) => {
    const params = request.params as never;
    const channel: ToolCallChannel = {
      requestId: extra.mcpReq.id,
      signal: extra.mcpReq.signal,
      notify: (notification: ServerNotification) => extra.mcpReq.notify(notification as Notification),
    };
    try {
      // A tool that asks first asks the client's user in rounds (round-trips.ts) when the client can show a form.
      const state = extra.mcpReq.requestState<RoundState>();
      if (state) return (await resumeRounds(ctx, params, state, extra.mcpReq.inputResponses, extra.mcpReq.id)) as never;
      if (ctx.askClient) return (await startRounds(ctx, params, channel)) as never;
      return (await runToolCall(ctx, params, channel)) as CallToolResult;
    } catch (error) {
      const connect = connectRequests(error);
      if (!connect) throw error;
      return inputRequired({ inputRequests: connect });
    }
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

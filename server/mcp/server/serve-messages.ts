// One HTTP request's JSON-RPC messages: answered directly where direct-answers.ts can, otherwise through a fresh
// MCP server and stateless transport (a stateless transport serves exactly one request: TOOLCHAIN.md). JSON
// answers, or SSE when a request asked for progress.
import "server-only";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { isInitializeRequest, isJSONRPCRequest, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import type { EndpointRow } from "@/server/db/queries/published-servers";
import type { Kv } from "@/server/kv";
import { getPublishedTool } from "./build-tool";
import { newSessionId, type ClientInfo } from "./client-session";
import { directAnswer } from "./direct-answers";
import { createPublishedServer } from "./mcp-server";
import type { RequestLedger } from "./request-ledger";
import type { ServerContext } from "./tool-call";
import { withoutInternals } from "./without-internals";

export interface ServeParams {
  request: Request;
  endpoint: EndpointRow & { versionId: string; config: unknown; version: number };
  parsed: { messages: JSONRPCMessage[]; raw: unknown };
  protocolVersion: string;
  ledger: RequestLedger;
  client: ClientInfo;
  clientScope: string;
  kv: Kv;
  cancelPollMs: number;
  /** Who may see the tasks this request starts (tasks/task-scope.ts). */
  tasks?: ServerContext["tasks"];
}

export async function serveMessages({ request, endpoint, parsed, protocolVersion, ledger, client, clientScope, kv, cancelPollMs, tasks }: ServeParams): Promise<Response> {
  const { messages } = parsed;
  const initialize = messages.some((m) => isInitializeRequest(m));
  const { tool, config } = getPublishedTool(endpoint);
  const ctx: ServerContext = {
    appId: endpoint.appId,
    workspaceId: endpoint.workspaceId,
    appType: endpoint.appType,
    appName: endpoint.appName,
    version: endpoint.version,
    versionId: endpoint.versionId,
    config,
    provider: endpoint.provider,
    tool,
    protocolVersion,
    requestSignal: request.signal,
    clientScope,
    kv,
    cancelPollMs,
    ledger,
    tasks,
  };
  const direct = await directAnswer(messages, ctx);
  if (direct) return direct;
  ledger.begin(messages);
  const wantsProgress = messages.some((m) => isJSONRPCRequest(m) && m.params?._meta?.progressToken !== undefined);
  const server = createPublishedServer(ctx);
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: !wantsProgress });
  await server.connect(transport);
  const send = transport.send.bind(transport);
  transport.send = async (message, sendOptions) => {
    const safe = withoutInternals(message);
    try {
      await send(safe, sendOptions);
    } finally {
      ledger.answered(message);
    }
  };
  const close = () => setImmediate(() => void server.close().catch(() => {}));
  // The client went away: runs stop (their signal includes this one) and nothing waits for an answer.
  const gone = new Promise<Response>((resolve) => {
    const onAbort = () => {
      // A tools/call still finishes its run (stopped by this same signal) and is logged with its conversation then.
      ledger.settleAll("cancelled", "The client closed the connection.", (method) => method !== "tools/call");
      resolve(new Response(null, { status: 499 }));
    };
    if (request.signal.aborted) onAbort();
    else request.signal.addEventListener("abort", onAbort, { once: true });
  });

  const response = await Promise.race([transport.handleRequest(request, { parsedBody: parsed.raw }), gone]);
  // JSON answers are complete here; an SSE stream stays open until its last answer is sent.
  ledger.onIdle(close);
  return initialize && response.ok ? withSession(response, newSessionId(client)) : response;
}

function withSession(response: Response, sessionId: string): Response {
  const headers = new Headers(response.headers);
  headers.set("Mcp-Session-Id", sessionId);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}


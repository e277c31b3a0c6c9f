// One 2025-lane HTTP request's JSON-RPC messages: answered directly where direct-answers.ts can, otherwise through
// a fresh MCP server and stateless transport (a stateless transport serves exactly one request: TOOLCHAIN.md). JSON
// answers, or SSE when a request asked for progress or a batch holds a call.
import "server-only";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { isJSONRPCErrorResponse, isJSONRPCRequest, isJSONRPCResultResponse, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { newSessionId, type ClientInfo } from "./client-session";
import { directAnswer } from "./direct-answers";
import { toolsChangedSinceListed } from "./list-changed";
import { createPublishedServer } from "./mcp-server";
import type { ServerContext } from "./tool-call";
import { withoutInternals } from "./without-internals";

export interface ServeParams {
  request: Request;
  ctx: ServerContext;
  messages: JSONRPCMessage[];
  /** What the transport reads as the body: the messages, as one or as a batch. */
  raw: unknown;
  initialize: boolean;
  client: ClientInfo;
  /** The elicitation modes initialize declared, carried in the session id we hand out (client-session.ts). */
  elicitation: { formElicitation: boolean; urlElicitation: boolean };
}

export async function serveMessages({ request, ctx, messages, raw, initialize, client, elicitation }: ServeParams): Promise<Response> {
  const { ledger } = ctx;
  const direct = await directAnswer(messages, ctx);
  if (direct) return direct;
  ledger.begin(messages);
  const wantsProgress = messages.some((m) => isJSONRPCRequest(m) && m.params?._meta?.progressToken !== undefined);
  // A call in a batch answers over SSE: if it is cancelled its answer is left out, and a JSON batch would wait for it.
  const hasCall = messages.some((m) => isJSONRPCRequest(m) && m.method === "tools/call");
  const sse = wantsProgress || hasCall;
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: !sse });
  const send = transport.send.bind(transport);
  const server = createPublishedServer(ctx, {
    toolsChanged: sse && (await toolsChangedSinceListed(ctx)),
    // Our own requests are no answers: the ledger and the cancellation rule below have nothing to do with them.
    sendRequest: (message, relatedRequestId) => send(message, { relatedRequestId }),
  });
  await server.connect(transport);
  transport.send = async (message, sendOptions) => {
    if ((isJSONRPCResultResponse(message) || isJSONRPCErrorResponse(message)) && message.id !== undefined && ledger.wasCancelled(message.id)) {
      // No answer after a cancellation: the stream closes without it once nothing else is pending (onIdle below).
      ledger.settle(message.id, "cancelled");
      return;
    }
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

  const response = await Promise.race([transport.handleRequest(request, { parsedBody: raw }), gone]);
  // JSON answers are complete here; an SSE stream stays open until its last answer is sent (or left out).
  ledger.onIdle(close);
  return initialize && response.ok ? withSession(response, newSessionId(client, elicitation)) : response;
}

function withSession(response: Response, sessionId: string): Response {
  const headers = new Headers(response.headers);
  headers.set("Mcp-Session-Id", sessionId);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

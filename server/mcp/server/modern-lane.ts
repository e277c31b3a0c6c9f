// The 2026-07-28 lane: requests that carry the per-request `_meta` envelope, served by the SDK v2's
// createMcpHandler in strict mode (`legacy: 'reject'`: the 2025 lane is ours, legacy-lane.ts). The SDK answers the
// protocol's own checks: `Mcp-Method`/`Mcp-Name` against the body (-32020), the envelope's version (-32022),
// `server/discover`, `resultType`, `ttlMs`/`cacheScope`. Origin, keys, size, rate and the run stay ours.
import "server-only";
import { CLIENT_CAPABILITIES_META_KEY, CLIENT_INFO_META_KEY, createMcpHandler } from "@modelcontextprotocol/server";
import { isJSONRPCErrorResponse, isJSONRPCRequest, isJSONRPCResultResponse, JSONRPCMessageSchema, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { declaresFormElicitation, declaresUrlElicitation, type ClientInfo } from "./client-session";
import { isActive } from "./endpoint";
import { anonymousScope, callerCredential, ledgerBase, passCancellations, serverContext, taskContext, type LaneParams } from "./lane";
import type { ServerContext } from "./tool-call";
import { bindModernContext, createModernServer } from "./modern-server";
import { refuseInactive } from "./refusals";
import { RequestLedger } from "./request-ledger";
import { answerTaskRequest, isTaskRequest } from "./tasks/answer-task-request";
import { taskScope } from "./tasks/task-scope";

export const modernProtocolVersion = "2026-07-28";
// One handler for the process: per request it only builds the server instance (createModernServer).
const handler = createMcpHandler(createModernServer, { legacy: "reject" });

function clientOf(message: JSONRPCMessage | null, request: Request): ClientInfo {
  const meta = (message as { params?: { _meta?: Record<string, unknown> } } | null)?.params?._meta;
  const info = meta?.[CLIENT_INFO_META_KEY] as { name?: unknown; version?: unknown } | undefined;
  return {
    name: typeof info?.name === "string" ? info.name : request.headers.get("user-agent"),
    version: typeof info?.version === "string" ? info.version : null,
  };
}

/** This request's envelope's capabilities, in initialize's shape, for client-session.ts's checks of them. */
function declared(message: JSONRPCMessage | null): { capabilities?: unknown } {
  const meta = (message as { params?: { _meta?: Record<string, unknown> } } | null)?.params?._meta;
  return { capabilities: meta?.[CLIENT_CAPABILITIES_META_KEY] };
}

export async function serveModernLane(lane: LaneParams): Promise<Response> {
  const { request, endpoint, raw, kv, cancelPollMs } = lane;
  const credential = callerCredential(lane);
  const body = raw;
  // Only a well-formed message is logged or acted on here; anything else is the SDK's to refuse.
  const parsed = JSONRPCMessageSchema.safeParse(body);
  const message = parsed.success ? parsed.data : null;
  const ledger = new RequestLedger(ledgerBase(endpoint, lane.caller), clientOf(message, request));
  const clientScope = anonymousScope(request, credential);

  if (!isActive(endpoint)) return refuseInactive(message ? [message] : [], false, ledger);
  if (message) await passCancellations([message], { serverKey: endpoint.serverKey, clientScope, kv });
  if (message && isJSONRPCRequest(message)) ledger.begin([message]);

  const tasks = taskContext(endpoint, { scope: taskScope({ bearer: credential, sessionId: null }), client: clientOf(message, request), caller: lane.caller });
  // A missing per-person connection becomes an input_required URL elicitation (modern-server.ts), asked again on retry.
  const capabilities = declared(message);
  const connectByUrl = declaresUrlElicitation(capabilities);
  // A tool that asks first asks the client's user through input_required (round-trips.ts) when it can show a form.
  const askClient = declaresFormElicitation(capabilities) ? lane.asking : null;
  const ctx = serverContext(endpoint, { request, protocolVersion: modernProtocolVersion, clientScope, kv, cancelPollMs, ledger, tasks, personId: lane.caller?.userId ?? null, askClient, connectByUrl });
  const taskAnswer = await answerTaskHere(message, ctx, request);
  if (taskAnswer) return taskAnswer;
  bindModernContext(request, {
    ...ctx,
    onSend(out) {
      const isAnswer = isJSONRPCResultResponse(out) || isJSONRPCErrorResponse(out);
      if (isAnswer && out.id !== undefined && ledger.wasCancelled(out.id)) {
        ledger.settle(out.id, "cancelled");
        return false;
      }
      if (isAnswer) ledger.answered(out);
      return true;
    },
  });
  const response = await handler.fetch(request, { parsedBody: body });
  // The exchange closed without an answer: a call cancelled by notifications/cancelled (202, no body, as on the 2025
  // lane), or the client gone (nobody reads this).
  if (response.status === 499) return new Response(null, { status: request.signal.aborted ? 499 : 202 });
  if (ledger.size > 0 && response.headers.get("content-type")?.includes("application/json")) {
    // Refused by the SDK before any handler ran (-32020, -32022, -32602): still one log line per request.
    const answer = (await response.clone().json().catch(() => null)) as JSONRPCMessage | null;
    if (answer) ledger.answered(answer);
    ledger.settleAll("error", "Refused by the protocol's checks.");
  }
  return response;
}

/**
 * The task dispatch point of the 2026-07-28 lane (SEP-2663): a tools/call from a client declaring the Tasks extension,
 * and tasks/get, tasks/update, tasks/cancel, which the SDK v2 has no runtime for. Only when the routing headers agree
 * with the body (SEP-2243: `Mcp-Method`, and `Mcp-Name` = the tool or the task id) and the envelope names the
 * version we speak; otherwise the SDK answers, with its -32020 or -32022.
 */
async function answerTaskHere(message: JSONRPCMessage | null, ctx: ServerContext, request: Request): Promise<Response | null> {
  if (!message || !isJSONRPCRequest(message) || !isTaskRequest(message, ctx, "2026")) return null;
  const method = request.headers.get("mcp-method");
  const name = request.headers.get("mcp-name");
  const params = message.params as { name?: unknown; taskId?: unknown; _meta?: Record<string, unknown> } | undefined;
  if (params?._meta?.["io.modelcontextprotocol/protocolVersion"] !== modernProtocolVersion) return null;
  const named = message.method === "tools/call" ? params?.name : params?.taskId;
  if ((method !== null && method !== message.method) || (name !== null && name !== named)) return null;
  const answer = await answerTaskRequest(message, ctx, "2026");
  // The lane began this request's log line; a task's own line is written when its run ends (run-task-job.ts).
  if (message.method === "tools/call" && "result" in answer) ctx.ledger.forget(message.id);
  else ctx.ledger.answered(answer);
  return Response.json(answer, { headers: { "Cache-Control": "no-store" } });
}

// POST /mcp/server/<code>/mcp: the published app as a stateless Streamable HTTP MCP server (MCP.md "Published app
// endpoint"). Per request: transport checks, the server + app + version + key (cached per instance, see
// endpoint-cache.ts), a KV rate limit, the body read under a size cap, then serveMessages. Every refusal is a
// JSON-RPC error without internals.
import "server-only";
import { isInitializeRequest, isJSONRPCNotification, isJSONRPCRequest, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { clientAddress } from "@/server/client-address/client-address";
import { hashToken, safeEqual } from "@/server/crypto/tokens";
import { env } from "@/server/env";
import { toAppError } from "@/server/errors";
import { getKv } from "@/server/kv";
import { cancelCall, callKey } from "./cancellations";
import { findEndpoint } from "./endpoint-cache";
import { clientInfoFromInitialize, readSessionId, type ClientInfo } from "./client-session";
import { checkRequestShape, jsonRpcError, readBodyWithLimit, requestProtocolVersion } from "./http-checks";
import { invalidParamsAnswer, parseMessages } from "./parse-messages";
import { serveMessages } from "./serve-messages";
import { authorize, limitRate } from "./request-guards";
import { logRefusal } from "./refusal-log";
import { RequestLedger } from "./request-ledger";
import { isWellFormedCode } from "./server-code";
import { taskScope } from "./tasks/task-scope";

export interface EndpointOptions {
  /** Public URL of the deployment; the only Origin a browser may call from. Default APP_URL. */
  appUrl?: string;
  maxBodyBytes?: number;
  rateLimit?: { limit: number; windowSeconds: number };
  /** How often a running call checks for a cancellation that reached another instance. */
  cancelPollMs?: number;
}

const defaults = { maxBodyBytes: 1024 * 1024, rateLimit: { limit: env.MCP_SERVER_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 }, cancelPollMs: 2_000 };

const notFound = () => jsonRpcError(404, -32001, "Not found: no MCP server at this URL. Check the URL, or ask the app's owner for the new one.");

export async function handlePublishedRequest(request: Request, code: string, options: EndpointOptions = {}): Promise<Response> {
  try {
    return await handle(request, code, options);
  } catch (error) {
    // The client hung up (its connection reset while we read the body): nobody is left to answer.
    if (request.signal.aborted) return new Response(null, { status: 499 });
    // Only our own failures get here (a database outage, say): logged by toAppError, answered without detail.
    const appError = toAppError(error);
    const status = appError.status >= 500 ? appError.status : 500;
    return jsonRpcError(status, -32603, status === 503 ? "Service unavailable: try again in a moment." : "Internal error: try again later.");
  }
}

async function handle(request: Request, code: string, options: EndpointOptions): Promise<Response> {
  const startedAt = Date.now();
  const shapeRefusal = checkRequestShape(request, { allowedOrigin: new URL(options.appUrl ?? env.APP_URL).origin });
  if (shapeRefusal) return shapeRefusal;
  if (!isWellFormedCode(code)) return notFound();

  const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)\s*$/i)?.[1] ?? null;
  const codeHash = hashToken(code);
  const kv = getKv();
  const endpoint = await findEndpoint(kv, { codeHash, keyHash: bearer ? hashToken(bearer) : "" });
  if (!endpoint || !safeEqual(endpoint.codeHash, codeHash)) return notFound();

  const rateLimit = options.rateLimit ?? defaults.rateLimit;
  const keyRefusal = authorize(endpoint, bearer);
  if (keyRefusal) {
    await logRefusal(kv, { request, endpoint, bearer, startedAt });
    return keyRefusal;
  }
  const guardRefusal = await limitRate(kv, endpoint.appId, rateLimit);
  if (guardRefusal) return guardRefusal;

  const maxBodyBytes = options.maxBodyBytes ?? defaults.maxBodyBytes;
  const body = await readBodyWithLimit(request, maxBodyBytes);
  if (body.tooLarge) return jsonRpcError(413, -32000, `Payload Too Large: a request body may be at most ${maxBodyBytes} bytes.`);
  const protocolVersion = requestProtocolVersion(request);
  const parsed = parseMessages(body.text, protocolVersion);
  if ("refusal" in parsed) return parsed.refusal;
  const { messages } = parsed;
  // The request was counted once above, before its body was read; each further message of a batch counts too, and a
  // batch that does not fit is refused whole (nothing of it runs).
  const batchRefusal = messages.length > 1 ? await limitRate(kv, endpoint.appId, rateLimit, messages.length - 1) : null;
  if (batchRefusal) return batchRefusal;

  const sessionId = request.headers.get("mcp-session-id");
  const initialize = messages.find((m) => isInitializeRequest(m)) as { params?: unknown } | undefined;
  const client: ClientInfo = initialize
    ? clientInfoFromInitialize(initialize.params)
    : (readSessionId(sessionId) ?? { name: request.headers.get("user-agent"), version: null });
  const clientScope = readSessionId(sessionId) ? sessionId! : hashToken(`${bearer ?? ""}|${request.headers.get("user-agent") ?? ""}|${clientAddress(request.headers) ?? ""}`);
  const ledger = new RequestLedger({ appId: endpoint.appId, workspaceId: endpoint.workspaceId }, client);

  const { versionId, config, version } = endpoint;
  if (!endpoint.enabled || !versionId || !config || !version) return refuseInactive(messages, Array.isArray(parsed.raw), ledger);

  const paramsRefusal = refuseInvalidParams(messages, Array.isArray(parsed.raw), ledger);
  if (paramsRefusal) return paramsRefusal;

  for (const message of messages) {
    if (isJSONRPCNotification(message) && message.method === "notifications/cancelled") {
      const requestId = (message.params as { requestId?: unknown } | undefined)?.requestId;
      if (typeof requestId === "string" || typeof requestId === "number") {
        await cancelCall(callKey({ appId: endpoint.appId, clientScope, requestId }), kv);
      }
    }
  }

  return serveMessages({
    request,
    endpoint: { ...endpoint, versionId, config, version },
    parsed,
    protocolVersion,
    ledger,
    client,
    clientScope,
    kv,
    cancelPollMs: options.cancelPollMs ?? defaults.cancelPollMs,
    tasks: { scope: taskScope({ bearer, sessionId }), client },
  });
}

/** All or nothing, so a batch (2025-03-26) never half runs. */
function refuseInvalidParams(messages: JSONRPCMessage[], isBatch: boolean, ledger: RequestLedger): Response | null {
  const requests = messages.filter(isJSONRPCRequest);
  const answers = requests.map(invalidParamsAnswer);
  if (!answers.some(Boolean)) return null;
  const skipped = { code: -32600, message: "Not processed: another request in this batch has invalid params." };
  const all = requests.map((r, i) => answers[i] ?? { jsonrpc: "2.0" as const, id: r.id, error: skipped });
  ledger.begin(requests);
  all.forEach((answer) => ledger.answered(answer));
  return Response.json(isBatch ? all : all[0], { headers: { "Cache-Control": "no-store" } });
}

/**
 * A disabled server answers HTTP 503 with a JSON-RPC error and nothing about the app (docs/mcp-endpoint.md): a 200
 * carrying an error looked like a working server to clients, which showed nothing; a 503 is what they surface.
 * Not 401/403, which clients (the SDK among them) read as "authorize again". Notifications alone get the same 503.
 */
function refuseInactive(messages: JSONRPCMessage[], isBatch: boolean, ledger: RequestLedger): Response {
  const requests = messages.filter(isJSONRPCRequest);
  const error = { code: -32600, message: inactiveMessage };
  const headers = { "Cache-Control": "no-store" };
  if (requests.length === 0) return Response.json({ jsonrpc: "2.0", id: null, error }, { status: 503, headers });
  ledger.begin(requests);
  const answers = requests.map((r) => ({ jsonrpc: "2.0" as const, id: r.id, error }));
  for (const answer of answers) ledger.answered(answer);
  return Response.json(isBatch ? answers : answers[0], { status: 503, headers });
}

const inactiveMessage = "server is not active: its owner turned it off. Ask them to turn it on again.";

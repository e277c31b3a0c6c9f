// The 2026-07-28 lane: requests that carry the per-request `_meta` envelope, served by the SDK v2's
// createMcpHandler in strict mode (`legacy: 'reject'`: the 2025 lane is ours, legacy-lane.ts). The SDK answers the
// protocol's own checks: `Mcp-Method`/`Mcp-Name` against the body (-32020), the envelope's version (-32022),
// `server/discover`, `resultType`, `ttlMs`/`cacheScope`. Origin, keys, size, rate and the run stay ours.
import "server-only";
import { CLIENT_INFO_META_KEY, createMcpHandler } from "@modelcontextprotocol/server";
import { isJSONRPCErrorResponse, isJSONRPCRequest, isJSONRPCResultResponse, JSONRPCMessageSchema, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import type { ClientInfo } from "./client-session";
import { activeEndpoint, anonymousScope, passCancellations, serverContext, type LaneParams } from "./lane";
import { bindModernContext, createModernServer } from "./modern-server";
import { refuseInactive } from "./refusals";
import { RequestLedger } from "./request-ledger";
import { modernTaskDispatch } from "./task-dispatch";

const modernProtocolVersion = "2026-07-28";
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

export async function serveModernLane({ request, endpoint, raw, bearer, kv, cancelPollMs }: LaneParams): Promise<Response> {
  const body = modernTaskDispatch(raw);
  // Only a well-formed message is logged or acted on here; anything else is the SDK's to refuse.
  const parsed = JSONRPCMessageSchema.safeParse(body);
  const message = parsed.success ? parsed.data : null;
  const ledger = new RequestLedger({ appId: endpoint.appId, workspaceId: endpoint.workspaceId }, clientOf(message, request));
  const clientScope = anonymousScope(request, bearer);

  const active = activeEndpoint(endpoint);
  if (!active) return refuseInactive(message ? [message] : [], false, ledger);
  if (message) await passCancellations([message], { appId: endpoint.appId, clientScope, kv });
  if (message && isJSONRPCRequest(message)) ledger.begin([message]);

  const ctx = serverContext(active, { request, protocolVersion: modernProtocolVersion, clientScope, kv, cancelPollMs, ledger });
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

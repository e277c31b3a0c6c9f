// /mcp/server/<code>/mcp: the published app as a stateless Streamable HTTP MCP server for both protocol eras on
// one URL (MCP.md "Published app endpoint", docs/mcp-endpoint.md). Per request, the same for both: Origin, the
// server + app + version + key (cached per instance, see endpoint-cache.ts), the method, who may call (access.ts:
// URL, API key or sign-in), a KV rate limit, the body read under a size cap; then the SDK's own era classification picks the lane: 2026-07-28 (modern-lane.ts) or
// 2025 (legacy-lane.ts). Every refusal is a JSON-RPC error without internals.
import "server-only";
import { hashToken, safeEqual } from "@/server/crypto/tokens";
import { env } from "@/server/env";
import { toAppError } from "@/server/errors";
import { getKv } from "@/server/kv";
import { decideAccess } from "./access";
import { findEndpoint } from "./endpoint-cache";
import { isLegacyEra } from "./era";
import { checkMediaTypes, checkMethod, checkOrigin, jsonRpcError, readBodyWithLimit } from "./http-checks";
import { serveLegacyLane } from "./legacy-lane";
import { serveModernLane } from "./modern-lane";
import { parseJsonBody } from "./parse-messages";
import { limitRate } from "./request-guards";
import { logRefusal } from "./refusal-log";
import { isWellFormedCode } from "./server-code";

export interface EndpointOptions {
  /** Public URL of the deployment; the only Origin a browser may call from. Default APP_URL. */
  appUrl?: string;
  maxBodyBytes?: number;
  rateLimit?: { limit: number; windowSeconds: number };
  /** How often a running call checks for a cancellation that reached another instance. */
  cancelPollMs?: number;
  /** How often a call waiting for its client's answer (elicitation) checks for it; any instance may receive it. */
  askPollMs?: number;
  /** How long a call waits for that answer before the tool is refused. */
  askTimeoutMs?: number;
}

const defaults = { maxBodyBytes: 1024 * 1024, rateLimit: { limit: env.MCP_SERVER_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 }, cancelPollMs: 2_000, askPollMs: 500, askTimeoutMs: 120_000 };

// The same answer on every method: a GET that answered 405 here sent mcp-remote users on a regenerated URL to
// "SSE error 405" instead of "not found".
const notFound = () => jsonRpcError(404, -32001, "Not found: no MCP server at this URL. Check the URL, or ask the app's owner for the new one.");

export async function handlePublishedRequest(request: Request, code: string, options: EndpointOptions = {}): Promise<Response> {
  try {
    return uncompressed(await handle(request, code, options));
  } catch (error) {
    // The client hung up (its connection reset while we read the body): nobody is left to answer.
    if (request.signal.aborted) return new Response(null, { status: 499 });
    // Only our own failures get here (a database outage, say): logged by toAppError, answered without detail.
    const appError = toAppError(error);
    const status = appError.status >= 500 ? appError.status : 500;
    return jsonRpcError(status, -32603, status === 503 ? "Service unavailable: try again in a moment." : "Internal error: try again later.");
  }
}

/**
 * Next.js gzips every compressible response whose length it cannot see, which is all of ours (web Responses stream),
 * with a zlib stream per response: CPU and about 300 KB each for answers of a few hundred bytes, and an SSE answer
 * held in a compressor for the whole call. `no-transform` (RFC 9111 section 5.2.2.6) is what its compression honours.
 */
function uncompressed(response: Response): Response {
  const cacheControl = response.headers.get("cache-control");
  response.headers.set("cache-control", cacheControl ? `${cacheControl}, no-transform` : "no-transform");
  return response;
}

async function handle(request: Request, code: string, options: EndpointOptions): Promise<Response> {
  const startedAt = Date.now();
  const originRefusal = checkOrigin(request, { allowedOrigin: new URL(options.appUrl ?? env.APP_URL).origin });
  if (originRefusal) return originRefusal;
  if (!isWellFormedCode(code)) return notFound();

  const bearer = request.headers.get("authorization")?.match(/^Bearer\s+(\S+)\s*$/i)?.[1] ?? null;
  const codeHash = hashToken(code);
  const kv = getKv();
  const endpoint = await findEndpoint(kv, { codeHash, keyHash: bearer ? hashToken(bearer) : "" });
  if (!endpoint || !safeEqual(endpoint.codeHash, codeHash)) return notFound();
  // Who may call comes before the method: a client probing with GET (mcp-remote does, to find how to sign in)
  // learns that it needs a key or a sign-in, not that GET is not allowed ("SSE error 405").
  const access = await decideAccess(endpoint, { code, bearer });
  if ("refusal" in access) {
    await logRefusal(kv, { request, endpoint, bearer, startedAt, error: access.logError, caller: access.caller });
    return access.refusal;
  }
  const shapeRefusal = checkMethod(request) ?? checkMediaTypes(request);
  if (shapeRefusal) return shapeRefusal;

  const rateLimit = options.rateLimit ?? defaults.rateLimit;
  // Counted before the body is read: every request, either lane, is one message (the 2025 lane counts a batch's rest).
  const guardRefusal = await limitRate(kv, endpoint.serverKey, rateLimit);
  if (guardRefusal) return guardRefusal;

  const maxBodyBytes = options.maxBodyBytes ?? defaults.maxBodyBytes;
  const body = await readBodyWithLimit(request, maxBodyBytes);
  if (body.tooLarge) return jsonRpcError(413, -32000, `Payload Too Large: a request body may be at most ${maxBodyBytes} bytes.`);
  const json = parseJsonBody(body.text);
  if ("refusal" in json) return json.refusal;

  const lane = { request, endpoint, raw: json.raw, bearer, caller: access.caller, kv, rateLimit, cancelPollMs: options.cancelPollMs ?? defaults.cancelPollMs,
    asking: { pollMs: options.askPollMs ?? defaults.askPollMs, timeoutMs: options.askTimeoutMs ?? defaults.askTimeoutMs },
  };
  // No 2026-07-28 envelope claim means a 2025 client (era.ts).
  return (await isLegacyEra(request, json.raw)) ? serveLegacyLane(lane) : serveModernLane(lane);
}

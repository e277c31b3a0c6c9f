// The transport rules of the published endpoint (MCP.md "Published app endpoint"; MCP 2025-06-18, basic/transports),
// checked before the body is read (Origin before the code is even looked up; the method after it, so an unknown code
// is a 404 on every method). Each refusal is a JSON-RPC error body with id null: no internals.
import { SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/sdk/types.js";

/** Assumed when the MCP-Protocol-Version header is missing (transports §Protocol Version Header). */
export const defaultProtocolVersion = "2025-03-26";

export function jsonRpcError(
  status: number,
  code: number,
  message: string,
  { id = null, headers = {} }: { id?: string | number | null; headers?: Record<string, string> } = {},
): Response {
  return Response.json({ jsonrpc: "2.0", error: { code, message }, id }, { status, headers: { "Cache-Control": "no-store", ...headers } });
}

function mediaType(header: string | null): string {
  return (header ?? "").split(";")[0]!.trim().toLowerCase();
}

/**
 * GET and DELETE (and anything but POST) to a server that exists: 405 with `Allow: POST`. Deliberate, see
 * docs/mcp-endpoint.md "GET and DELETE": the spec's own answer for "no server-initiated stream here" (2025-03-26 and
 * later, transports §Listening for Messages from the Server) and for "sessions cannot be ended" (§Session
 * Management); 2026-07-28 has neither. The SDK clients, mcp-remote and the Inspector go on without a stream on 405,
 * where a 404 or 400 breaks them; an idle SSE stream would hold a connection per client for nothing.
 */
export function checkMethod(request: Request): Response | null {
  if (request.method === "POST") return null;
  return jsonRpcError(405, -32000, "Method not allowed: this endpoint only accepts POST.", { headers: { Allow: "POST" } });
}

/** DNS rebinding protection (transports §Security Warning): a browser page from another site must not reach us. */
export function checkOrigin(request: Request, { allowedOrigin }: { allowedOrigin: string }): Response | null {
  // Clients that are not browsers send no Origin and are let through.
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== allowedOrigin) {
    return jsonRpcError(403, -32000, "Forbidden: requests from this Origin are not allowed.");
  }
  return null;
}

/** Accept and Content-Type, the same for both protocol eras. */
export function checkMediaTypes(request: Request): Response | null {
  const accept = (request.headers.get("accept") ?? "").toLowerCase();
  if (!accept.includes("application/json") || !accept.includes("text/event-stream")) {
    return jsonRpcError(406, -32000, "Not Acceptable: send Accept: application/json, text/event-stream.");
  }
  if (mediaType(request.headers.get("content-type")) !== "application/json") {
    return jsonRpcError(415, -32000, "Unsupported Media Type: send Content-Type: application/json.");
  }
  return null;
}

/** 2025 lane only: the 2026-07-28 lane names its version in each request's `_meta` and the SDK checks it (-32022). */
export function checkLegacyProtocolHeader(request: Request): Response | null {
  const version = request.headers.get("mcp-protocol-version");
  if (version !== null && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) {
    return jsonRpcError(400, -32000, `Bad Request: unsupported MCP-Protocol-Version. Supported: ${SUPPORTED_PROTOCOL_VERSIONS.join(", ")}.`);
  }
  return null;
}

export function requestProtocolVersion(request: Request): string {
  return request.headers.get("mcp-protocol-version") ?? defaultProtocolVersion;
}

/** The body as text, or "too large" as soon as more than `maxBytes` has arrived (never buffers more). */
export async function readBodyWithLimit(request: Request, maxBytes: number): Promise<{ tooLarge: true } | { tooLarge: false; text: string }> {
  if (Number(request.headers.get("content-length")) > maxBytes) return { tooLarge: true };
  if (!request.body) return { tooLarge: false, text: "" };
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let received = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => {});
      return { tooLarge: true };
    }
    text += decoder.decode(value, { stream: true });
  }
  return { tooLarge: false, text: text + decoder.decode() };
}

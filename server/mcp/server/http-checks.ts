// The transport rules of the published endpoint (MCP.md "Published app endpoint"; MCP 2025-06-18, basic/transports),
// checked before anything touches the database. Each refusal is a JSON-RPC error body with id null: no internals.
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

/** A refusal for the request's method and headers, or null when it may go on. */
export function checkRequestShape(request: Request, { allowedOrigin }: { allowedOrigin: string }): Response | null {
  if (request.method !== "POST") {
    // Stateless: no server-initiated stream to GET and no session to DELETE (transports §Listening, §Session Management).
    return jsonRpcError(405, -32000, "Method not allowed: this endpoint only accepts POST.", { headers: { Allow: "POST" } });
  }
  // DNS rebinding protection (transports §Security Warning): a browser page from another site must not reach us.
  // Clients that are not browsers send no Origin and are let through.
  const origin = request.headers.get("origin");
  if (origin !== null && origin !== allowedOrigin) {
    return jsonRpcError(403, -32000, "Forbidden: requests from this Origin are not allowed.");
  }
  const accept = (request.headers.get("accept") ?? "").toLowerCase();
  if (!accept.includes("application/json") || !accept.includes("text/event-stream")) {
    return jsonRpcError(406, -32000, "Not Acceptable: send Accept: application/json, text/event-stream.");
  }
  if (mediaType(request.headers.get("content-type")) !== "application/json") {
    return jsonRpcError(415, -32000, "Unsupported Media Type: send Content-Type: application/json.");
  }
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

// Which protocol lane a request takes. The SDK's own classification (`isLegacyRequest`, the code createMcpHandler
// routes with) decides; in front of it, a shortcut for the common 2025 request that costs next to nothing, where
// the SDK's check costs tens of microseconds (a schema parse) on every tools/list and tools/call of the 2025 lane.
import "server-only";
import { isLegacyRequest } from "@modelcontextprotocol/server";
import { SUPPORTED_PROTOCOL_VERSIONS } from "@modelcontextprotocol/sdk/types.js";

// 2026-07-28, basic §Request metadata: the envelope's keys; a request without any of them makes no modern claim.
const envelopePrefix = "io.modelcontextprotocol/";

function hasEnvelopeKey(message: unknown): boolean {
  const meta = (message as { params?: { _meta?: unknown } } | null)?.params?._meta;
  return Boolean(meta) && typeof meta === "object" && Object.keys(meta as object).some((key) => key.startsWith(envelopePrefix));
}

/**
 * Surely 2025: no standard 2026 headers, a 2025 (or no) version header, and no envelope key in any message. The
 * SDK classifies these as legacy too (no claim), except bodies that are no JSON-RPC message at all, which the 2025
 * lane refuses in its own words as it always has. Everything else is left to the SDK.
 */
function isPlainLegacy(request: Request, body: unknown): boolean {
  const { headers } = request;
  if (headers.has("mcp-method") || headers.has("mcp-name")) return false;
  const version = headers.get("mcp-protocol-version");
  if (version !== null && !SUPPORTED_PROTOCOL_VERSIONS.includes(version)) return false;
  return Array.isArray(body) ? !body.some(hasEnvelopeKey) : !hasEnvelopeKey(body);
}

export { isPlainLegacy };

export async function isLegacyEra(request: Request, body: unknown): Promise<boolean> {
  return isPlainLegacy(request, body) || isLegacyRequest(request, body);
}

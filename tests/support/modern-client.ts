// The SDK v2 client (`@modelcontextprotocol/client`) pinned to the 2026-07-28 revision: no initialize, no session;
// `server/discover` at connect, then each request carries its own `_meta` envelope.
import { Client, StreamableHTTPClientTransport } from "@modelcontextprotocol/client";

export const modernProtocolVersion = "2026-07-28";

export async function connectModernClient(url: string, { headers, name = "modern-client" }: { headers?: Record<string, string>; name?: string } = {}) {
  const client = new Client({ name, version: "2.0.0" }, { versionNegotiation: { mode: { pin: modernProtocolVersion } } });
  const transport = new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } });
  await client.connect(transport);
  return client;
}

/** A hand-made 2026-07-28 request body: the envelope every request carries (basic §Request metadata). */
export function modernRequest(id: number | string, method: string, params: Record<string, unknown> = {}, meta: Record<string, unknown> = {}) {
  return {
    jsonrpc: "2.0",
    id,
    method,
    params: {
      ...params,
      _meta: {
        "io.modelcontextprotocol/protocolVersion": modernProtocolVersion,
        "io.modelcontextprotocol/clientCapabilities": {},
        "io.modelcontextprotocol/clientInfo": { name: "hand-made", version: "1" },
        ...meta,
      },
    },
  };
}

/** The headers a 2026-07-28 request must carry, matching its body (transports §Standard headers). */
export function modernHeaders(method: string, name?: string): Record<string, string> {
  return {
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    "mcp-protocol-version": modernProtocolVersion,
    "mcp-method": method,
    ...(name ? { "mcp-name": name } : {}),
  };
}

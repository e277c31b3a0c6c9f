// Opening a connection to an external MCP server: Streamable HTTP first, legacy HTTP+SSE as the fallback
// (MCP 2025-03-26 "Backwards compatibility": a 400, 404 or 405 to the initialize POST means an older server).
import "server-only";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import type { OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import { SSEClientTransport } from "@modelcontextprotocol/sdk/client/sse.js";
import { StreamableHTTPClientTransport, StreamableHTTPError } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { Transport } from "@modelcontextprotocol/sdk/shared/transport.js";

export type TransportChoice = "auto" | "streamable_http" | "sse";

export interface ConnectOptions {
  url: string;
  transport: TransportChoice;
  headers: Record<string, string>;
  connectTimeoutMs: number;
  fetch: typeof fetch;
  authProvider?: OAuthClientProvider;
  signal?: AbortSignal;
}

export interface Connection {
  client: Client;
  transport: "streamable_http" | "sse";
  serverInfo: { name: string; version: string } | undefined;
  protocolVersion: string | undefined;
  close(): Promise<void>;
}

const clientInfo = { name: "switchyard", version: "0.1.0" };
const fallbackStatuses = new Set([400, 404, 405]);

export async function connectMcpServer(options: ConnectOptions): Promise<Connection> {
  if (options.transport !== "auto") return open(options, options.transport);
  try {
    return await open(options, "streamable_http");
  } catch (error) {
    if (!(error instanceof StreamableHTTPError) || !fallbackStatuses.has(error.code ?? 0)) throw error;
    return open(options, "sse");
  }
}

async function open(options: ConnectOptions, kind: "streamable_http" | "sse"): Promise<Connection> {
  const url = new URL(options.url);
  const requestInit: RequestInit = { headers: options.headers };
  const transport: Transport =
    kind === "streamable_http"
      ? new StreamableHTTPClientTransport(url, { requestInit, fetch: options.fetch, authProvider: options.authProvider })
      : new SSEClientTransport(url, {
          requestInit,
          fetch: options.fetch,
          authProvider: options.authProvider,
          // The SSE GET goes through the same fetch, so headers and the SSRF guard apply to it too.
          eventSourceInit: { fetch: (input, init) => options.fetch(input, { ...init, headers: { ...options.headers, ...(init?.headers as Record<string, string>) } }) },
        });
  // Both transports are told the negotiated version; keep it for "Test connection".
  let protocolVersion: string | undefined;
  const setVersion = transport.setProtocolVersion?.bind(transport);
  transport.setProtocolVersion = (version: string) => {
    protocolVersion = version;
    setVersion?.(version);
  };
  const client = new Client(clientInfo, { capabilities: {} });
  try {
    await client.connect(transport, { timeout: options.connectTimeoutMs, signal: options.signal });
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
  return {
    client,
    transport: kind,
    serverInfo: client.getServerVersion(),
    protocolVersion,
    close: () => client.close(),
  };
}

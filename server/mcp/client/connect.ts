// Opening a connection to an external MCP server of either protocol era, newest first (MCP.md "Connecting"):
// 1. Streamable HTTP with `server/discover`: 2026-07-28, stateless (spec 2026-07-28 "Lifecycle");
// 2. the same URL with `initialize`: 2025-11-25 down to 2025-03-26 Streamable HTTP, with or without a session.
//    Steps 1 and 2 are the SDK v2 client's 'auto' negotiation: it probes and falls back by itself;
// 3. legacy HTTP+SSE (2024-11-05; deprecated since 2026-07-28) when the initialize POST gets 400, 404 or 405
//    (spec 2025-03-26 "Transports", Backwards compatibility).
// The rest of the app sees only `Connection`: the era is a detail of this folder.
import "server-only";
import { EXTENSION_ID, RESOURCE_MIME_TYPE } from "@modelcontextprotocol/ext-apps/server";
import { Client, SdkHttpError, SSEClientTransport, StreamableHTTPClientTransport, type Transport } from "@modelcontextprotocol/client";
import { closeConnection } from "./close-connection";
import type { Connection, ConnectionKind } from "./connection";
import { connectionResources } from "./connection-resources";
import { connectionTools } from "./connection-tools";
import { createStreamWatch, type StreamWatch } from "./stream-watch";

export type { Connection } from "./connection";
export type TransportChoice = "auto" | "streamable_http" | "sse";

export interface ConnectOptions {
  url: string;
  transport: TransportChoice;
  headers: Record<string, string>;
  connectTimeoutMs: number;
  /** The "SSE read" timeout: how long an event stream an answer is due on may stay silent (stream-watch.ts). */
  sseReadTimeoutMs: number;
  fetch: typeof fetch;
  signal?: AbortSignal;
  /** A `notifications/tools/list_changed` arrived (2025 GET stream or a response stream). */
  onToolsListChanged?: () => void;
}

const clientInfo = { name: "switchyard", version: "0.1.0" };
const fallbackStatuses = new Set([400, 404, 405]);

export async function connectMcpServer(options: ConnectOptions): Promise<Connection> {
  if (options.transport === "sse") return open(options, "sse");
  if (options.transport === "streamable_http") return open(options, "streamable_http");
  try {
    return await open(options, "streamable_http");
  } catch (error) {
    if (!isOldServerAnswer(error) || options.signal?.aborted) throw error;
    return open(options, "sse");
  }
}

/** The answers a server without Streamable HTTP gives to the `initialize` POST. */
function isOldServerAnswer(error: unknown): boolean {
  return error instanceof SdkHttpError && fallbackStatuses.has(error.status);
}

const url = (options: ConnectOptions) => new URL(options.url);

function buildTransport(options: ConnectOptions, kind: "streamable_http" | "sse", watch: StreamWatch): Transport & { sessionId?: string } {
  const requestInit: RequestInit = { headers: options.headers };
  // Our fetch carries the headers, bearer token and SSRF guard (each redirect hop included), so redirects are left to it.
  const common = { requestInit, fetch: watch.fetch, redirectPolicy: "follow" as const };
  if (kind === "streamable_http") return new StreamableHTTPClientTransport(url(options), common);
  return new SSEClientTransport(url(options), {
    ...common,
    // The SSE GET goes through the same fetch, so headers and the SSRF guard apply to it too.
    eventSourceInit: { fetch: (input, init) => watch.fetch(input, { ...init, headers: { ...options.headers, ...(init?.headers as Record<string, string>) } }) },
  });
}

/** What we can show: MCP Apps (ui:// resources in a sandboxed frame, components/tool-results/mcp-app-view.tsx). */
const hostCapabilities = { extensions: { [EXTENSION_ID]: { mimeTypes: [RESOURCE_MIME_TYPE] } } };

async function open(options: ConnectOptions, kind: "streamable_http" | "sse"): Promise<Connection> {
  const watch = createStreamWatch({ fetch: options.fetch, readTimeoutMs: options.sseReadTimeoutMs, host: url(options).host, sharedAnswers: kind === "sse" });
  const transport = buildTransport(options, kind, watch);
  // 'auto' only where 2026-07-28 can live: HTTP+SSE servers predate it.
  const client = new Client(clientInfo, { capabilities: hostCapabilities, versionNegotiation: { mode: kind === "sse" ? "legacy" : "auto" } });
  if (options.onToolsListChanged) {
    const notify = options.onToolsListChanged;
    client.setNotificationHandler("notifications/tools/list_changed", () => notify());
  }
  try {
    await client.connect(transport, { timeout: options.connectTimeoutMs, signal: options.signal });
  } catch (error) {
    await client.close().catch(() => {});
    throw error;
  }
  const modern = client.getProtocolEra() === "modern";
  const sessionId = transport.sessionId;
  const connectionKind: ConnectionKind = modern ? "modern" : kind === "sse" ? "sse" : sessionId ? "session" : "stateless";
  return {
    kind: connectionKind,
    transport: kind,
    serverInfo: client.getServerVersion(),
    protocolVersion: client.getNegotiatedProtocolVersion(),
    sessionId,
    ...connectionTools(client, watch),
    ...connectionResources(client, watch),
    close: () => closeConnection(client, transport),
  };
}

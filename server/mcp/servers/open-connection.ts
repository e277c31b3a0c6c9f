// A live connection to one stored MCP server: its headers opened, every request through the SSRF guard.
import "server-only";
import type { McpServer } from "@/server/db/schema";
import { connectMcpServer, type Connection } from "@/server/mcp/client/connect";
import { createGuardedFetch } from "@/server/mcp/client/ssrf/guarded-fetch";
import { openHeaders } from "./headers";

export async function openServerConnection(server: McpServer, { signal }: { signal?: AbortSignal } = {}): Promise<Connection> {
  return connectMcpServer({
    url: server.url,
    transport: server.transport,
    headers: openHeaders(server.id, server.headers),
    connectTimeoutMs: server.connectTimeoutMs,
    fetch: createGuardedFetch(),
    signal,
  });
}

// A live connection to one stored MCP server: its headers opened, every request through the SSRF guard, and for
// OAuth servers the bearer token on every request (refreshed when due, single-flight across instances).
import "server-only";
import type { McpServer } from "@/server/db/schema";
import { connectMcpServer, type Connection } from "@/server/mcp/client/connect";
import { createGuardedFetch } from "@/server/mcp/client/ssrf/guarded-fetch";
import { serverTokenSource, type TokenCache } from "@/server/mcp/oauth/access-tokens";
import { createOAuthFetch } from "@/server/mcp/oauth/oauth-fetch";
import { openHeaders } from "./headers";
import { openServerUrl } from "./server-url";

export interface OpenConnectionOptions {
  signal?: AbortSignal;
  /** Refreshes in flight in this instance; tests pass a second one to stand for another instance. */
  tokenCache?: TokenCache;
}

export async function openServerConnection(server: McpServer, { signal, tokenCache }: OpenConnectionOptions = {}): Promise<Connection> {
  const guarded = createGuardedFetch();
  const usesOAuth = server.authMode !== "none" || server.oauthTokensCiphertext !== null;
  return connectMcpServer({
    url: openServerUrl(server),
    transport: server.transport,
    headers: openHeaders(server.id, server.headers),
    connectTimeoutMs: server.connectTimeoutMs,
    fetch: usesOAuth ? createOAuthFetch(guarded, serverTokenSource(server, { cache: tokenCache })) : guarded,
    signal,
  });
}

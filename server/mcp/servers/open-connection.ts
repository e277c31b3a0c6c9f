// A live connection to one stored MCP server: its headers opened, every request through the SSRF guard, and for
// OAuth servers the bearer token on every request (the shared one, or on a per-person server the token of the person
// the connection is for) (refreshed when due, single-flight across instances). A
// `notifications/tools/list_changed` it sends marks the server's stored tool list for an update.
import "server-only";
import { getDb } from "@/server/db";
import { markMcpServerToolsChanged } from "@/server/db/queries/mcp-servers";
import type { McpServer } from "@/server/db/schema";
import { connectMcpServer, type Connection } from "@/server/mcp/client/connect";
import { createGuardedFetch } from "@/server/mcp/client/ssrf/guarded-fetch";
import { serverTokenSource, type TokenCache } from "@/server/mcp/oauth/access-tokens";
import { createOAuthFetch } from "@/server/mcp/oauth/oauth-fetch";
import { tokenOwnerFor } from "@/server/mcp/oauth/token-owner";
import { openHeaders } from "./headers";
import { openServerUrl } from "./server-url";

export interface OpenConnectionOptions {
  signal?: AbortSignal;
  /** Refreshes in flight in this instance; tests pass a second one to stand for another instance. */
  tokenCache?: TokenCache;
  /** The person this connection acts for; null for nobody (a per-person server then refuses to open). */
  userId?: string | null;
}

export async function openServerConnection(server: McpServer, { signal, tokenCache, userId = null }: OpenConnectionOptions = {}): Promise<Connection> {
  const owner = tokenOwnerFor(server, userId);
  const guarded = createGuardedFetch();
  const usesOAuth = server.authMode !== "none" || server.oauthTokensCiphertext !== null;
  const marks = new Set<Promise<unknown>>();
  const markToolsChanged = () => {
    const mark = getDb()
      .then((db) => markMcpServerToolsChanged(db, { workspaceId: server.workspaceId, id: server.id, at: new Date() }))
      .catch((error) => console.error("[mcp:list_changed] could not mark server", server.id, String(error)));
    marks.add(mark);
    void mark.finally(() => marks.delete(mark));
  };
  const connection = await connectMcpServer({
    url: openServerUrl(server),
    transport: server.transport,
    headers: openHeaders(server.id, server.headers),
    connectTimeoutMs: server.connectTimeoutMs,
    sseReadTimeoutMs: server.sseReadTimeoutMs,
    fetch: usesOAuth ? createOAuthFetch(guarded, serverTokenSource(server, { cache: tokenCache, owner })) : guarded,
    signal,
    onToolsListChanged: markToolsChanged,
  });
  return {
    ...connection,
    // The mark is stored before the caller goes on (a run's end, a refresh that clears it).
    async close() {
      await connection.close();
      await Promise.all(marks);
    },
  };
}

// Whose tokens a connection uses: the server's shared connection (columns of mcp_servers) or one person's own
// (mcp_person_connections). The OAuth code (finish, refresh, disconnect) reads and writes through here, so there is
// one code path for both and only the storage differs.
import "server-only";
import type { OAuthDiscoveryState } from "@modelcontextprotocol/sdk/client/auth.js";
import type { OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import { openSecret, sealSecret } from "@/server/crypto/secret-box";
import type { Tx } from "@/server/db";
import { deletePersonConnection, getPersonConnection, updatePersonConnection, upsertPersonConnection } from "@/server/db/queries/mcp-person-connections";
import { getMcpServer, updateMcpServer } from "@/server/db/queries/mcp-servers";
import type { McpServer } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { clearedTokenColumns, openStoredTokens, tokenColumns, type StoredTokens } from "./server-oauth";

export type TokenOwner = { kind: "shared" } | { kind: "person"; userId: string };

type Status = "connected" | "needs_authorization" | "error";

/** Associated data of a person's sealed tokens; key rotation reseals with the same. */
export const personTokensAad = (serverId: string, userId: string) => `mcp_person_connections:${serverId}:${userId}:tokens`;

/**
 * The owner for a run on behalf of `userId` (null: nobody, as for secret-URL and API-key calls). A per-person server
 * without a person cannot be used at all: the error names the server and where to connect.
 */
export function tokenOwnerFor(server: McpServer, userId: string | null): TokenOwner {
  if (server.credentialScope === "shared") return { kind: "shared" };
  if (!userId) {
    throw new AppError(
      "unauthorized:mcp_oauth",
      `${server.name} connects each person to their own account, and this call is not made by a signed-in person. Use it through sign-in, or in Debug & Preview.`,
    );
  }
  return { kind: "person", userId };
}

/** The KV lock and in-process key for refreshing one owner's tokens: two people never wait on each other. */
export const refreshKey = (serverId: string, owner: TokenOwner) => (owner.kind === "shared" ? serverId : `${serverId}:person:${owner.userId}`);

export async function readOwnerTokens(db: Tx, server: McpServer, owner: TokenOwner): Promise<StoredTokens | null> {
  if (owner.kind === "shared") {
    const row = await getMcpServer(db, { workspaceId: server.workspaceId, id: server.id });
    if (!row) throw new AppError("not_found:mcp_server", "This MCP server does not exist or was removed.");
    return openStoredTokens(row);
  }
  const row = await getPersonConnection(db, { workspaceId: server.workspaceId, serverId: server.id, userId: owner.userId });
  if (!row?.oauthTokensCiphertext) return null;
  return JSON.parse(openSecret(row.oauthTokensCiphertext, personTokensAad(server.id, owner.userId))) as StoredTokens;
}

/** Stores freshly issued tokens for the owner and marks their connection connected; returns what was stored. */
export async function saveOwnerTokens(
  db: Tx,
  server: McpServer,
  owner: TokenOwner,
  { tokens, discovery, extra = {} }: { tokens: OAuthTokens; discovery: OAuthDiscoveryState | undefined; extra?: Partial<McpServer> },
): Promise<StoredTokens> {
  const columns = tokenColumns(server.id, tokens, discovery);
  const status = { status: "connected" as const, statusReason: null, statusAt: new Date() };
  const stored = openStoredTokens({ ...server, ...columns })!;
  if (owner.kind === "shared") {
    await updateMcpServer(db, { workspaceId: server.workspaceId, id: server.id, ...extra, ...columns, ...status });
    return stored;
  }
  // Server-level facts (a newly registered client) still land on the server row: the client is shared.
  if (Object.keys(extra).length > 0) await updateMcpServer(db, { workspaceId: server.workspaceId, id: server.id, ...extra });
  await upsertPersonConnection(db, {
    workspaceId: server.workspaceId,
    serverId: server.id,
    userId: owner.userId,
    ...status,
    oauthTokensCiphertext: sealSecret(JSON.stringify(stored), personTokensAad(server.id, owner.userId)),
    oauthIssuer: columns.oauthIssuer,
    oauthTokenExpiresAt: columns.oauthTokenExpiresAt,
  });
  return stored;
}

/**
 * The owner's connection is in `status` with `reason`; `forgetTokens` drops tokens that can no longer be used. A
 * person without a row (never connected, or removed from the workspace) gets none: not connected says it already.
 */
export async function setOwnerStatus(db: Tx, server: McpServer, owner: TokenOwner, { status, reason, forgetTokens = false }: { status: Status; reason: string; forgetTokens?: boolean }) {
  const values = { ...(forgetTokens ? clearedTokenColumns : {}), status, statusReason: reason, statusAt: new Date() };
  if (owner.kind === "shared") await updateMcpServer(db, { workspaceId: server.workspaceId, id: server.id, ...values });
  else await updatePersonConnection(db, { workspaceId: server.workspaceId, serverId: server.id, userId: owner.userId, ...values });
}

/** Disconnect for one person removes their row entirely; the shared connection keeps its row with tokens cleared. */
export async function forgetOwnerTokens(db: Tx, server: McpServer, owner: TokenOwner, reason: string) {
  if (owner.kind === "person") await deletePersonConnection(db, { workspaceId: server.workspaceId, serverId: server.id, userId: owner.userId });
  else await setOwnerStatus(db, server, owner, { status: "needs_authorization", reason, forgetTokens: true });
}

// What a member sees of their own connections to per-person servers: a status per server, never a token.
import "server-only";
import { getDb } from "@/server/db";
import { listPersonConnectionsOf } from "@/server/db/queries/mcp-person-connections";

export async function myConnections({ workspaceId, userId }: { workspaceId: string; userId: string }) {
  const rows = await listPersonConnectionsOf(await getDb(), { workspaceId, userId });
  return rows.map((row) => ({
    serverId: row.serverId,
    connected: row.oauthTokensCiphertext !== null,
    status: row.status,
    statusReason: row.statusReason,
    statusAt: row.statusAt,
    tokenExpiresAt: row.oauthTokenExpiresAt,
  }));
}

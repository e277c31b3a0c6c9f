// Before a run for a person: the per-person servers its tools bind that this person has not connected (or whose
// connection needs re-authorization). A published call names them and where to connect instead of letting the
// model meet the failure halfway through.
import "server-only";
import type { ToolBinding } from "@/server/apps/app-config";
import { getDb } from "@/server/db";
import { listPersonConnectionsOf } from "@/server/db/queries/mcp-person-connections";
import { listMcpServers } from "@/server/db/queries/mcp-servers";

export async function missingPersonConnections({ workspaceId, bindings, userId }: { workspaceId: string; bindings: ToolBinding[]; userId: string }) {
  const db = await getDb();
  const [servers, connections] = await Promise.all([listMcpServers(db, { workspaceId }), listPersonConnectionsOf(db, { workspaceId, userId })]);
  const connected = new Set(connections.filter((c) => c.oauthTokensCiphertext !== null).map((c) => c.serverId));
  return servers.filter((s) => s.credentialScope === "per_person" && bindings.some((b) => b.serverId === s.id) && !connected.has(s.id)).map((s) => ({ id: s.id, name: s.name }));
}

// A published agent whose tools include per-person MCP servers can use them only for a signed-in caller (their own
// connection); a secret-URL or API-key caller is nobody, so the tool's description says which servers it lacks.
import type { ToolBinding } from "@/server/apps/app-config";
import type { Endpoint } from "./endpoint";

export interface ServerScope {
  id: string;
  name: string;
  credentialScope: "shared" | "per_person";
}

/** The sentence to add to the description, or "" when every bound server can serve this endpoint's callers. */
export function personalServersNote(accessMode: Endpoint["accessMode"], bindings: ToolBinding[], servers: ServerScope[]): string {
  if (accessMode === "sign_in") return "";
  const names = servers.filter((s) => s.credentialScope === "per_person" && bindings.some((b) => b.serverId === s.id)).map((s) => s.name);
  if (names.length === 0) return "";
  return ` Not available through this connection: ${names.join(", ")} (each person connects their own account, so only calls made through sign-in can use ${names.length === 1 ? "it" : "them"}).`;
}

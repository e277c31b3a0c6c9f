// Which published server a resource indicator (RFC 8707) names, and whether it takes our tokens: only an enabled
// server in "Switchyard sign-in" mode is a resource this authorization server issues tokens for.
import "server-only";
import { hashToken } from "@/server/crypto/tokens";
import { getDb } from "@/server/db";
import { findResourceServer, type ResourceServer } from "@/server/db/queries/oauth-server-resources";
import { codeFromResource } from "./resource";

export async function findSignInResource(resource: string): Promise<ResourceServer | null> {
  const code = codeFromResource(resource);
  if (!code) return null;
  const server = await findResourceServer(await getDb(), { codeHash: hashToken(code) });
  return server?.enabled && server.accessMode === "sign_in" ? server : null;
}

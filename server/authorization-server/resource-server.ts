// Which published server a resource indicator (RFC 8707) names (an app's or the workspace server), and whether it
// takes our tokens: only an enabled server in "Switchyard sign-in" mode is a resource this authorization server
// issues tokens for.
import "server-only";
import { hashToken } from "@/server/crypto/tokens";
import { getDb } from "@/server/db";
import { findResourceServer, type ResourceServer } from "@/server/db/queries/oauth-server-resources";
import { codeFromResource } from "./resource";

/** One published server: an app's, or with `appId` null the workspace server. */
export type ServerRef = { workspaceId: string; appId: string | null };

async function lookUp(resource: string): Promise<ResourceServer | null> {
  const code = codeFromResource(resource);
  return code ? findResourceServer(await getDb(), { codeHash: hashToken(code) }) : null;
}

export async function findSignInResource(resource: string): Promise<ResourceServer | null> {
  const server = await lookUp(resource);
  return server?.enabled && server.accessMode === "sign_in" ? server : null;
}

/**
 * Why no token can be issued for this resource, in words the person connecting sees (clients such as mcp-remote
 * start OAuth on any 401, so an API-key server's users land here and should learn what the server wants instead).
 */
export async function resourceRefusal(resource: string): Promise<string> {
  const server = await lookUp(resource);
  if (!server) return "This is not the URL of an MCP server on this Switchyard: check the URL, or ask the server's owner for the current one.";
  if (!server.enabled) return `This MCP server is turned off: ask ${ownerOf(server)} to turn it on.`;
  if (server.accessMode === "api_key") return "This MCP server needs an API key, not a sign-in: send Authorization: Bearer <key> (mcp-remote: --header \"Authorization: Bearer <key>\").";
  return "This MCP server needs no sign-in: connect with its URL alone.";
}

/** Who to ask about a server, in the words of the refusals above. */
function ownerOf(server: Pick<ResourceServer, "kind">): string {
  return server.kind === "workspace" ? "an admin of the workspace" : "the app's owner";
}

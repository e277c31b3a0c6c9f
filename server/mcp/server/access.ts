// Who may call a published server, by its access mode (published_servers.access_mode): "url", anyone with the
// secret URL; "api_key", one of its keys (request-guards.ts); "sign_in", a Switchyard OAuth access token issued for
// this very endpoint (RFC 8707 audience; server/authorization-server) whose person is still a member of the
// app's workspace and, when the owner restricted the server, one of the chosen people. Membership is read on every
// request, so a removed member stops at their next call.
import "server-only";
import type { OauthCaller } from "@/server/authorization-server/verify-access-token";
import { verifyAccessToken } from "@/server/authorization-server/verify-access-token";
import { maySignIn } from "@/server/authorization-server/may-sign-in";
import { protectedResourceMetadataUrl, resourceUrl } from "@/server/authorization-server/resource";
import type { Endpoint } from "./endpoint";
import { jsonRpcError } from "./http-checks";
import { authorizeKey } from "./request-guards";

export type { OauthCaller };

/** May go on (with the signed-in caller, if any), or a refusal and the line the call log shows for it. */
export type AccessDecision = { caller: OauthCaller | null } | { refusal: Response; logError: string; caller: OauthCaller | null };

const onceAMinute = "Further refusals of this client in the next minute are not logged.";

export async function decideAccess(
  endpoint: Pick<Endpoint, "accessMode" | "signInRestricted" | "appId" | "workspaceId" | "keyId" | "keyLastUsedAt">,
  { code, bearer }: { code: string; bearer: string | null },
): Promise<AccessDecision> {
  if (endpoint.accessMode === "url") return { caller: null };
  if (endpoint.accessMode === "api_key") {
    const refusal = authorizeKey(endpoint, bearer);
    if (!refusal) return { caller: null };
    const logError = bearer ? "401 Unauthorized: the API key sent is not one of this server's keys." : "401 Unauthorized: no API key was sent.";
    return { refusal, logError: `${logError} ${onceAMinute}`, caller: null };
  }
  const caller = bearer ? await verifyAccessToken({ token: bearer, resource: resourceUrl(code) }) : null;
  if (!caller) return signInChallenge(code, bearer);
  // The consent page's own rule (may-sign-in.ts), asked again now: every role counts, chosen people narrow it.
  const verdict = await maySignIn({ workspaceId: endpoint.workspaceId, appId: endpoint.appId, signInRestricted: endpoint.signInRestricted, userId: caller.userId });
  if (verdict.ok) return { caller };
  const problem =
    verdict.reason === "not_member"
      ? "you are not a member of the workspace this server belongs to (any more). Ask its owner to invite you."
      : "this server is open only to the people its owner chose. Ask the owner to add you.";
  // 403, not 401: signing in again changes nothing, and RFC 6750's insufficient_scope would send clients after a
  // scope that does not exist. A JSON-RPC error, so MCP clients show the message.
  return { refusal: jsonRpcError(403, -32001, `Forbidden: ${problem}`), logError: `403 Forbidden: ${problem}`, caller };
}

/**
 * RFC 9728 §5.1: the 401 names this endpoint's protected resource metadata, where an MCP client finds our
 * authorization server (MCP authorization 2025-11-25, "Authorization Server Location"); RFC 6750 §3: `error` only
 * when a token was sent, so a first request without one starts the sign-in quietly.
 */
function signInChallenge(code: string, bearer: string | null): AccessDecision {
  const challenge = `Bearer resource_metadata="${protectedResourceMetadataUrl(code)}", scope="mcp"${bearer ? ', error="invalid_token"' : ""}`;
  const message = bearer
    ? "Unauthorized: this access token is not valid for this server (expired, revoked, or issued for another server). Sign in again."
    : "Unauthorized: this server needs you to sign in with your Switchyard account. Connect with an MCP client that supports OAuth sign-in.";
  const logError = bearer ? "401 Unauthorized: the access token sent is expired, revoked or not for this server." : "401 Unauthorized: no sign-in token was sent (a client starting to sign in sends none).";
  return { refusal: jsonRpcError(401, -32001, message, { headers: { "WWW-Authenticate": challenge } }), logError: `${logError} ${onceAMinute}`, caller: null };
}

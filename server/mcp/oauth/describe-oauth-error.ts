// An OAuth failure in words a person can act on, with the authorization server's own error code and description
// (invalid_client, access_denied, ...); never tokens, secrets or stack traces.
import { OAuthError } from "@modelcontextprotocol/sdk/server/auth/errors.js";
import { isAppError } from "@/server/errors";
import { describeConnectionError } from "@/server/mcp/servers/describe-connection-error";

const maxDetail = 200;

export function oauthErrorText(code: string, description?: string | null): string {
  const detail = description?.replace(/\s+/g, " ").trim().slice(0, maxDetail);
  return `The authorization server answered ${code}${detail ? `: ${detail}` : ""}.`;
}

export function describeOAuthError(error: unknown, serverName: string): string {
  if (isAppError(error)) return error.publicMessage;
  if (error instanceof OAuthError) return oauthErrorText(error.errorCode, error.message);
  if (error instanceof Error && /^Incompatible auth server|does not match expected|Protected resource/.test(error.message)) {
    return `${serverName}'s authorization setup cannot be used: ${error.message.slice(0, maxDetail)}`;
  }
  return describeConnectionError(error, serverName);
}

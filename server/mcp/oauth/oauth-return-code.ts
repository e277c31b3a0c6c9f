// Why an authorization ended, as a code. Only the code travels in the address bar back to the console
// (/tools?oauth=error&reason=...), which turns it into its own words (components/mcp-servers/oauth-return.tsx):
// text in a URL is text anyone can make the console show.
export type OAuthReturnCode =
  | "connected"
  | "tools_failed"
  | "access_denied"
  | "invalid_scope"
  | "client_refused"
  | "server_unavailable"
  | "authorization_error"
  | "server_changed"
  | "no_code"
  | "exchange_failed";

/**
 * RFC 6749 section 4.1.2.1 error codes in our words. The code itself is named (it comes from this fixed list, so it
 * is ours to show); the server's error_description is free text from the URL and is never shown.
 */
const authorizationErrors: Record<string, { reason: OAuthReturnCode; text: string }> = {
  access_denied: { reason: "access_denied", text: "the sign-in was declined. Press Authorize to try again." },
  invalid_scope: { reason: "invalid_scope", text: "it refused the requested scopes. Check the server's OAuth scopes, then press Authorize again." },
  invalid_request: { reason: "client_refused", text: "it refused this client's request. Check the OAuth client settings, then press Authorize again." },
  unauthorized_client: { reason: "client_refused", text: "it refused this client. Check the OAuth client settings, then press Authorize again." },
  unsupported_response_type: { reason: "client_refused", text: "it does not support this kind of sign-in. Check the OAuth client settings." },
  server_error: { reason: "server_unavailable", text: "it had a problem. Try again in a moment." },
  temporarily_unavailable: { reason: "server_unavailable", text: "it is busy. Try again in a moment." },
};

export function authorizationErrorOutcome(code: string): { reason: OAuthReturnCode; text: string } {
  const known = Object.hasOwn(authorizationErrors, code) ? authorizationErrors[code] : undefined;
  if (known) return { reason: known.reason, text: `The authorization server answered ${code}: ${known.text}` };
  return { reason: "authorization_error", text: "The authorization server reported an error. Press Authorize to try again." };
}

// What the SDK leaves to us (../shared/MCP.md "Authorization"): PKCE S256 advertised, http(s)-only authorization URLs,
// and the RFC 9207 `iss` check on the callback.
import type { AuthorizationServerMetadata } from "@modelcontextprotocol/sdk/shared/auth.js";
import { AppError } from "@/server/errors";

/**
 * MCP 2025-11-25 "Authorization Code Protection": refuse an authorization server whose metadata does not list S256
 * in `code_challenge_methods_supported` (absent counts as unsupported; the SDK only checks a present list).
 * With no metadata document at all (a 2025-03-26 server using the default /authorize and /token endpoints) there is
 * nothing to read; we still always send an S256 challenge.
 */
export function assertPkceS256(metadata: AuthorizationServerMetadata | undefined): void {
  if (!metadata) return;
  if (metadata.code_challenge_methods_supported?.includes("S256")) return;
  throw new AppError(
    "bad_request:mcp_oauth",
    `The authorization server ${metadata.issuer} does not advertise PKCE with S256, which MCP requires. Ask its operator to enable it.`,
  );
}

/** The URL we open for a person must be a web page, never javascript:, data: or a custom scheme. */
export function assertHttpUrl(url: URL): URL {
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new AppError("bad_request:mcp_oauth", "The authorization server gave an authorization address that is not an http(s) URL.");
  }
  return url;
}

/**
 * RFC 9207 §2.4: when the response carries `iss` it must equal the issuer we started with; when the server says it
 * always sends `iss`, a response without it is refused too (a mix-up attack would look like that).
 */
export function assertCallbackIssuer(iss: string | null, metadata: AuthorizationServerMetadata | undefined): void {
  if (iss === null) {
    if ((metadata as Record<string, unknown> | undefined)?.authorization_response_iss_parameter_supported === true) {
      throw new AppError("bad_request:mcp_oauth", "The authorization response did not name its issuer. Start the authorization again.");
    }
    return;
  }
  if (!metadata || iss !== metadata.issuer) {
    throw new AppError("bad_request:mcp_oauth", "The authorization response came from a different authorization server than the one we asked. Start again.");
  }
}

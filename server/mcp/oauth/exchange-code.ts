// The token request after the redirect, with the SDK's fetchToken rather than auth(): auth() answers an
// invalid_client by forgetting the client and retrying, which hides the authorization server's own error.
import { fetchToken, selectResourceURL, type OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import { AppError } from "@/server/errors";
import type { OAuthSession } from "./oauth-provider";

export async function exchangeCode(
  provider: OAuthClientProvider,
  session: OAuthSession,
  { serverUrl, code, fetchFn }: { serverUrl: string; code: string; fetchFn: typeof fetch },
): Promise<void> {
  const discovery = await provider.discoveryState?.();
  if (!discovery) throw new AppError("bad_request:mcp_oauth", "This authorization lost track of its authorization server. Start again.");
  // Same `resource` as in the authorization request (RFC 8707 §2.2: both requests name it).
  const resource = await selectResourceURL(serverUrl, provider, discovery.resourceMetadata);
  const tokens = await fetchToken(provider, discovery.authorizationServerUrl, {
    metadata: discovery.authorizationServerMetadata,
    resource,
    authorizationCode: code,
    fetchFn,
  });
  // Bound to the issuer that issued them, as auth() would stamp them, so they are never sent to another one.
  session.tokens = { ...tokens, issuer: discovery.authorizationServerUrl };
}

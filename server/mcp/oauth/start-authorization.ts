// "Authorize": discover the authorization server (RFC 9728, RFC 8414), pick or register a client, build the
// authorization URL with PKCE S256, `state` and `resource`, and park the flow in the KV store.
import "server-only";
import { auth, extractWWWAuthenticateParams } from "@modelcontextprotocol/sdk/client/auth.js";
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { generateToken } from "@/server/crypto/tokens";
import type { McpServer } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { getKv } from "@/server/kv";
import { assertRateLimit } from "@/server/kv/rate-limit";
import { createGuardedFetch } from "@/server/mcp/client/ssrf/guarded-fetch";
import { openHeaders } from "@/server/mcp/servers/headers";
import { openServerUrl } from "@/server/mcp/servers/server-url";
import { describeOAuthError } from "./describe-oauth-error";
import { recordMetadataExtras } from "./metadata-extras";
import { saveFlowState, type FlowDisplay } from "./flow-state";
import { createMcpOAuthProvider, type OAuthSession } from "./oauth-provider";
import { oauthClientMetadataUrl, oauthRedirectUrl } from "./redirect-url";
import { openClientInformation, preRegisteredClient } from "./server-oauth";

/** MCP.md step 1: the 401's WWW-Authenticate names the resource metadata and the scope to ask for. */
async function readChallenge(server: McpServer, fetchFn: typeof fetch) {
  const response = await fetchFn(openServerUrl(server), {
    method: "POST",
    headers: { ...openHeaders(server.id, server.headers), "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 0,
      method: "initialize",
      params: { protocolVersion: LATEST_PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: "switchyard", version: "0.1.0" } },
    }),
    signal: AbortSignal.timeout(server.connectTimeoutMs),
  }).catch(() => null);
  await response?.body?.cancel().catch(() => {});
  return response?.status === 401 ? extractWWWAuthenticateParams(response) : {};
}

export async function startServerAuthorization({
  server,
  userId,
  display,
}: {
  server: McpServer;
  userId: string;
  display: FlowDisplay;
}): Promise<{ authorizationUrl: string }> {
  // Each start registers clients and calls out to the authorization server: bounded per person.
  await assertRateLimit(getKv(), { bucket: "mcp_oauth_start", id: userId, limit: 20, windowSeconds: 600 }, "Too many authorization attempts. Wait a few minutes and try again.");
  const fetchFn = createGuardedFetch();
  const extras = recordMetadataExtras(fetchFn);
  const state = generateToken("", 32);
  const redirectUrl = oauthRedirectUrl();
  // Stored tokens are left out on purpose: "Authorize" always asks the person again instead of refreshing.
  const session: OAuthSession = { clientInformation: server.authMode === "oauth_custom" ? undefined : openClientInformation(server) };
  const provider = createMcpOAuthProvider(session, {
    redirectUrl,
    clientMetadataUrl: oauthClientMetadataUrl(),
    preRegistered: preRegisteredClient(server),
    scope: server.oauthScopes ?? undefined,
    state,
  });
  try {
    const challenge = await readChallenge(server, fetchFn);
    const result = await auth(provider, {
      serverUrl: openServerUrl(server),
      resourceMetadataUrl: challenge.resourceMetadataUrl,
      scope: server.oauthScopes ?? challenge.scope,
      fetchFn: extras.fetch,
    });
    if (result !== "REDIRECT" || !session.authorizationUrl || !session.codeVerifier) {
      throw new AppError("bad_request:mcp_oauth", `${server.name} did not ask for a sign-in. Press Update tools instead.`);
    }
  } catch (error) {
    throw new AppError("bad_request:mcp_oauth", describeOAuthError(error, server.name), { cause: error });
  }
  // The flow's state must be readable by whichever instance receives the callback; without the shared store it
  // could never finish, so nothing starts (and nothing was stored yet: the client registration travels in the state).
  await saveFlowState(state, {
    workspaceId: server.workspaceId,
    userId,
    serverId: server.id,
    serverUrl: openServerUrl(server),
    redirectUri: redirectUrl,
    codeVerifier: session.codeVerifier,
    discovery: session.discovery && { ...session.discovery, authorizationServerMetadata: extras.apply(session.discovery.authorizationServerMetadata) },
    clientInformation: session.clientInformation,
    display,
    perPerson: server.credentialScope === "per_person",
  }).catch((error: unknown) => {
    throw new AppError("unavailable:mcp_oauth", "Authorization cannot start right now: the shared store (Redis) is unreachable. Try again in a moment.", { cause: error });
  });
  return { authorizationUrl: session.authorizationUrl.toString() };
}

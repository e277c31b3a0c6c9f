// The SDK's OAuthClientProvider over one OAuthSession: an in-memory record that the app loads from PostgreSQL and the
// KV flow state (and writes back after a flow), and that the conformance CLI keeps in memory only. Everything the
// SDK's auth() learns lands in the session; nothing here does I/O of its own.
import type { OAuthClientProvider, OAuthDiscoveryState } from "@modelcontextprotocol/sdk/client/auth.js";
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import { checkResourceAllowed, resourceUrlFromServerUrl } from "@modelcontextprotocol/sdk/shared/auth-utils.js";
import { AppError } from "@/server/errors";
import { assertHttpUrl, assertPkceS256 } from "./oauth-rules";

export interface OAuthSession {
  clientInformation?: OAuthClientInformationMixed;
  tokens?: OAuthTokens;
  discovery?: OAuthDiscoveryState;
  codeVerifier?: string;
  /** Set by redirectToAuthorization: the page the person must open. */
  authorizationUrl?: URL;
  /** True once auth() registered a client (dynamic registration or a metadata document URL) in this session. */
  clientRegistered?: boolean;
}

export interface McpOAuthProviderOptions {
  redirectUrl: string;
  clientName?: string;
  /** Client ID Metadata Document URL (https only); used when the server advertises support. */
  clientMetadataUrl?: string;
  /** A client the person registered by hand: never replaced by dynamic registration. */
  preRegistered?: { clientId: string; clientSecret?: string; issuer?: string };
  scope?: string;
  /** The `state` parameter for this flow (random, single use: see flow-state.ts). */
  state?: string;
}

export function createMcpOAuthProvider(session: OAuthSession, options: McpOAuthProviderOptions): OAuthClientProvider {
  const clientMetadata: OAuthClientMetadata = {
    client_name: options.clientName ?? "Switchyard",
    redirect_uris: [options.redirectUrl],
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    ...(options.scope ? { scope: options.scope } : {}),
  };
  const pre = options.preRegistered;

  const provider: OAuthClientProvider = {
    get redirectUrl() {
      return options.redirectUrl;
    },
    get clientMetadata() {
      return clientMetadata;
    },
    clientMetadataUrl: pre ? undefined : options.clientMetadataUrl,
    state: () => {
      if (!options.state) throw new AppError("internal:mcp_oauth", "An authorization was started without a state parameter");
      return options.state;
    },
    clientInformation: () =>
      pre ? { client_id: pre.clientId, ...(pre.clientSecret ? { client_secret: pre.clientSecret } : {}), ...(pre.issuer ? { issuer: pre.issuer } : {}) } : session.clientInformation,
    tokens: () => session.tokens,
    saveTokens: (tokens) => {
      session.tokens = tokens;
    },
    redirectToAuthorization: (url) => {
      session.authorizationUrl = assertHttpUrl(url);
    },
    saveCodeVerifier: (verifier) => {
      session.codeVerifier = verifier;
    },
    codeVerifier: () => {
      if (!session.codeVerifier) throw new AppError("bad_request:mcp_oauth", "This authorization has no PKCE verifier. Start again.");
      return session.codeVerifier;
    },
    // Checked here because auth() saves discovery before it registers or builds the authorization URL.
    saveDiscoveryState: (state) => {
      assertPkceS256(state.authorizationServerMetadata);
      session.discovery = state;
    },
    discoveryState: () => {
      assertPkceS256(session.discovery?.authorizationServerMetadata);
      return session.discovery;
    },
    invalidateCredentials: (scope) => {
      if (scope === "all" || scope === "tokens") session.tokens = undefined;
      if ((scope === "all" || scope === "client") && !pre) session.clientInformation = undefined;
      if (scope === "all" || scope === "discovery") session.discovery = undefined;
      if (scope === "all" || scope === "verifier") session.codeVerifier = undefined;
    },
    // RFC 8707 on both requests: the SDK sends `resource` only when the server publishes resource metadata; we always
    // send it (the metadata's resource when it matches this server, else the canonical server URL).
    validateResourceURL: async (serverUrl, resource) => {
      const canonical = resourceUrlFromServerUrl(serverUrl);
      if (!resource) return canonical;
      if (!checkResourceAllowed({ requestedResource: canonical, configuredResource: resource })) {
        throw new AppError("bad_request:mcp_oauth", `The server's metadata names another resource (${resource}) than its own URL. Refusing to send a token there.`);
      }
      return new URL(resource);
    },
  };
  // Only a provider that can save a registration lets auth() register; a hand-entered client must never be replaced.
  if (!pre) {
    provider.saveClientInformation = (info) => {
      if (info.client_id !== session.clientInformation?.client_id) session.clientRegistered = true;
      session.clientInformation = info;
    };
  }
  return provider;
}

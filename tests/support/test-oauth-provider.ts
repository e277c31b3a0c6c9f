// The MCP SDK's OAuthClientProvider kept in memory, as a CLI or desktop client would keep it on disk: the SDK's own
// auth() does discovery (RFC 9728, RFC 8414), registration (RFC 7591 DCR, or a client ID metadata document when
// `clientMetadataUrl` is given and the server says it supports them), PKCE and `resource` (RFC 8707). This only
// stores what it is handed and hands the authorization URL to the test instead of opening a browser.
import type { OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";

export class TestOAuthProvider implements OAuthClientProvider {
  private client: OAuthClientInformationMixed | undefined;
  private saved: OAuthTokens | undefined;
  private verifier = "";
  private authorizationUrls: URL[] = [];
  private waiting: Array<(url: URL) => void> = [];

  constructor(
    private readonly options: { redirectUri: string; clientName: string; clientMetadataUrl?: string },
  ) {}

  get redirectUrl() {
    return this.options.redirectUri;
  }

  get clientMetadataUrl() {
    return this.options.clientMetadataUrl;
  }

  get clientMetadata(): OAuthClientMetadata {
    return {
      client_name: this.options.clientName,
      redirect_uris: [this.options.redirectUri],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    };
  }

  clientInformation() {
    return this.client;
  }

  saveClientInformation(info: OAuthClientInformationMixed) {
    this.client = info;
  }

  tokens() {
    return this.saved;
  }

  saveTokens(tokens: OAuthTokens) {
    this.saved = tokens;
  }

  redirectToAuthorization(url: URL) {
    const taker = this.waiting.shift();
    if (taker) taker(url);
    else this.authorizationUrls.push(url);
  }

  /** The authorization URL auth() sent the "browser" to, once it has. */
  authorizationUrl(): Promise<URL> {
    const ready = this.authorizationUrls.shift();
    return ready ? Promise.resolve(ready) : new Promise((resolve) => this.waiting.push(resolve));
  }

  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }

  codeVerifier() {
    return this.verifier;
  }

  /** Forgets the tokens (what a client does on a 401 it cannot refresh its way out of). */
  invalidateCredentials(scope: "all" | "client" | "tokens" | "verifier" | "discovery") {
    if (scope === "all" || scope === "tokens") this.saved = undefined;
    if (scope === "all" || scope === "client") this.client = undefined;
  }
}

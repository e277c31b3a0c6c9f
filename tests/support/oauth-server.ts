// A real OAuth 2.1 authorization server for tests: oidc-provider (maintained elsewhere), mounted under a path so its
// issuer has one, with dynamic registration, PKCE (required), resource indicators (audience-bound JWT access tokens,
// short-lived), refresh-token rotation with reuse detection (a replayed refresh token revokes the grant) and
// revocation. Sign-in is automatic (one test account); consent is a real page with Approve and Deny buttons, which
// tests press programmatically (approveAuthorization) and the e2e suite presses in chromium.
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import Provider, { type Configuration, type KoaContextWithOIDC } from "oidc-provider";

export interface TestAuthServerOptions {
  /** Path of the issuer, e.g. "/tenant" (MCP.md discovery order for path-bearing issuers). */
  path?: string;
  /** Access token lifetime in seconds; changeable later with setAccessTokenTtl. */
  accessTokenTtl?: number;
  preRegistered?: { clientId: string; clientSecret: string; redirectUris: string[] };
}

export interface RecordedGrant {
  grantType: string;
  resource: string | undefined;
  ok: boolean;
  error?: string;
}

export interface TestAuthServer {
  issuer: string;
  /** Public signing keys, for resource servers that verify access tokens. */
  jwks: { keys: Record<string, unknown>[] };
  /** Every request path (with query stripped), in order. */
  paths: string[];
  authorizations: { clientId: string; resource: string | undefined; scope: string | undefined; codeChallengeMethod: string | undefined }[];
  grants: RecordedGrant[];
  registrations: number;
  setAccessTokenTtl(seconds: number): void;
  /** Holds every token request this long before answering, so concurrent refreshes overlap for certain. */
  setTokenDelay(ms: number): void;
  close(): Promise<void>;
}

const account = "test-user";

export async function startTestAuthServer(options: TestAuthServerOptions = {}): Promise<TestAuthServer> {
  const prefix = options.path ?? "/tenant";
  let accessTokenTtl = options.accessTokenTtl ?? 300;
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const kid = randomBytes(6).toString("hex");
  const privateJwk = { ...privateKey.export({ format: "jwk" }), kid, alg: "ES256", use: "sig" };
  const publicJwk = { ...publicKey.export({ format: "jwk" }), kid, alg: "ES256", use: "sig" };

  const http = createServer();
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const issuer = `${origin}${prefix}`;

  const configuration: Configuration = {
    jwks: { keys: [privateJwk as never] },
    cookies: { keys: [randomBytes(16).toString("hex")] },
    // The only signing key is EC, so every client signs with ES256.
    clientDefaults: { id_token_signed_response_alg: "ES256" },
    clients: options.preRegistered
      ? [
          {
            client_id: options.preRegistered.clientId,
            client_secret: options.preRegistered.clientSecret,
            redirect_uris: options.preRegistered.redirectUris,
            grant_types: ["authorization_code", "refresh_token"],
            response_types: ["code"],
          },
        ]
      : [],
    findAccount: (_ctx, id) => ({ accountId: id, claims: () => ({ sub: id }) }),
    scopes: ["openid", "offline_access", "mcp:tools"],
    features: {
      devInteractions: { enabled: false },
      registration: { enabled: true },
      revocation: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => undefined as never,
        useGrantedResource: () => true,
        getResourceServerInfo: (_ctx, resourceIndicator) => ({
          scope: "mcp:tools",
          audience: resourceIndicator,
          accessTokenTTL: accessTokenTtl,
          accessTokenFormat: "jwt",
          jwt: { sign: { alg: "ES256" } },
        }),
      },
    },
    pkce: { required: () => true },
    rotateRefreshToken: true,
    // Refresh tokens without asking for offline_access: MCP clients rarely do.
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    interactions: { url: (_ctx, interaction) => `${prefix}/interaction/${interaction.uid}` },
    ttl: { AccessToken: () => accessTokenTtl, RefreshToken: 86_400, Grant: 86_400, Session: 86_400, Interaction: 600, AuthorizationCode: 60 },
  };
  const provider = new Provider(issuer, configuration);

  let tokenDelayMs = 0;
  const server: TestAuthServer = {
    issuer,
    jwks: { keys: [publicJwk] },
    paths: [],
    authorizations: [],
    grants: [],
    registrations: 0,
    setAccessTokenTtl: (seconds) => {
      accessTokenTtl = seconds;
    },
    setTokenDelay: (ms) => {
      tokenDelayMs = ms;
    },
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
  const param = (ctx: KoaContextWithOIDC, name: string) => (ctx.oidc?.params?.[name] as string | undefined) ?? undefined;
  provider.on("authorization.accepted", (ctx) => {
    server.authorizations.push({
      clientId: param(ctx, "client_id") ?? "",
      resource: param(ctx, "resource"),
      scope: param(ctx, "scope"),
      codeChallengeMethod: param(ctx, "code_challenge_method"),
    });
  });
  provider.on("grant.success", (ctx) => server.grants.push({ grantType: param(ctx, "grant_type") ?? "", resource: param(ctx, "resource"), ok: true }));
  provider.on("grant.error", (ctx, error) =>
    server.grants.push({ grantType: param(ctx, "grant_type") ?? "", resource: param(ctx, "resource"), ok: false, error: (error as { error?: string }).error }),
  );
  provider.on("registration_create.success", () => server.registrations++);
  provider.on("server_error", (_ctx, error) => console.error("[test authorization server]", error));

  const callback = provider.callback();
  http.on("request", (req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? "/", origin).pathname;
    server.paths.push(path);
    if (path.startsWith(`${prefix}/interaction/`)) {
      void interaction(provider, req, res, path.slice(prefix.length + "/interaction/".length)).catch((error) => {
        res.writeHead(500, { "content-type": "text/plain" }).end(String(error));
      });
      return;
    }
    if (path !== prefix && !path.startsWith(`${prefix}/`)) {
      res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not_found"}');
      return;
    }
    // Mounted under the issuer's path, as express's app.use(prefix, ...) would: the provider sees the rest.
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
    req.url = req.url!.slice(prefix.length) || "/";
    if (tokenDelayMs > 0 && req.method === "POST" && path.endsWith("/token")) setTimeout(() => callback(req, res), tokenDelayMs);
    else callback(req, res);
  });
  return server;
}

/**
 * Sign-in happens at once, as the account the `x-test-account` header names (the test account without it: a real
 * browser), so tests can stand for several people; consent is a page with Approve and Deny, posted back here. */
async function interaction(provider: Provider, req: IncomingMessage, res: ServerResponse, rest: string) {
  const [uid, action] = rest.split("/");
  const details = await provider.interactionDetails(req, res);
  if (details.uid !== uid) throw new Error("interaction mismatch");
  const { prompt, params } = details;
  if (prompt.name === "login") {
    const accountId = String(req.headers["x-test-account"] ?? account);
    await provider.interactionFinished(req, res, { login: { accountId } }, { mergeWithLastSubmission: false });
    return;
  }
  if (req.method === "POST" && action === "deny") {
    await provider.interactionFinished(req, res, { error: "access_denied", error_description: "The person declined access." }, { mergeWithLastSubmission: false });
    return;
  }
  if (req.method === "POST" && action === "approve") {
    const grant = details.grantId ? (await provider.Grant.find(details.grantId))! : new provider.Grant({ accountId: details.session?.accountId ?? account, clientId: String(params.client_id) });
    const missing = prompt.details as { missingOIDCScope?: string[]; missingResourceScopes?: Record<string, string[]> };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
    for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(" "));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    return;
  }
  const client = await provider.Client.find(String(params.client_id));
  const name = (client?.clientName ?? String(params.client_id)).replace(/[<>&"]/g, "");
  res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(`<!doctype html><html><head><title>Consent · Test authorization server</title></head>
<body><h1>Allow ${name} to use your tools?</h1><p>It asks for: ${String(params.scope ?? "access").replace(/[<>&"]/g, "")}</p>
<form method="post" action="${req.url!.replace(/\/(approve|deny)$/, "")}/approve"><button type="submit">Approve</button></form>
<form method="post" action="${req.url!.replace(/\/(approve|deny)$/, "")}/deny"><button type="submit">Deny</button></form></body></html>`);
}

/**
 * Plays the browser from the authorization URL to our callback: follows redirects by hand with a cookie jar, signs in,
 * presses Approve (or Deny) on the consent page, and returns the callback URL with its code or error.
 */
export async function approveAuthorization(
  authorizationUrl: string,
  { redirectUri, deny = false, account }: { redirectUri: string; deny?: boolean; account?: string },
): Promise<URL> {
  const jar = new Map<string, string>();
  let url = new URL(authorizationUrl);
  let method = "GET";
  for (let hop = 0; hop < 20; hop++) {
    const response = await fetch(url, {
      method,
      redirect: "manual",
      headers: { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "), ...(account ? { "x-test-account": account } : {}) },
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const at = pair!.indexOf("=");
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    const location = response.headers.get("location");
    if (location) {
      await response.body?.cancel();
      const next = new URL(location, url);
      if (next.toString().startsWith(redirectUri)) return next;
      url = next;
      method = "GET";
      continue;
    }
    const page = await response.text();
    if (!/<h1>Allow /.test(page)) {
      const detail = page.match(/<pre>([\s\S]*?)<\/pre>/)?.[1] ?? page.slice(0, 300);
      throw new Error(`Unexpected page at ${url.pathname} (${response.status}): ${detail}`);
    }
    const action = [...page.matchAll(/action="([^"]+)"/g)].map((m) => m[1]!).find((a) => a.endsWith(deny ? "/deny" : "/approve"))!;
    url = new URL(action, url);
    method = "POST";
  }
  throw new Error("Too many redirects while authorizing");
}

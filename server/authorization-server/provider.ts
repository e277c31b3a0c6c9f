// Our authorization server for published endpoints in "Switchyard sign-in" mode: panva's oidc-provider (OpenID
// certified; it does the protocol: PKCE, RFC 8707 resource indicators, RFC 9207 iss, RFC 7591 registration, client
// ID metadata documents, refresh token rotation with replay revocation). What is ours: storage (adapter.ts), which
// resources exist (resource-server.ts), who may sign in and the consent page (consent.ts), and the limits in front
// of it (routes.ts). docs/authorization-server.md explains the choices.
import "server-only";
import { hkdfSync } from "node:crypto";
import Provider, { errors, interactionPolicy, type Configuration } from "oidc-provider";
import { getDb } from "@/server/db";
import { getUserById } from "@/server/db/queries/users";
import { createGuardedFetch } from "@/server/mcp/client/ssrf/guarded-fetch";
import { getSecrets } from "@/server/secrets";
import { PostgresAdapter } from "./adapter";
import { redirectUriProblem } from "./redirect-uri-rule";
import { issuerUrl } from "./resource";
import { findSignInResource, resourceRefusal } from "./resource-server";
import { loadSigningKeys } from "./signing-keys";

export const accessTokenSeconds = 15 * 60;
export const routes = {
  authorization: "/oauth/authorize",
  token: "/oauth/token",
  registration: "/oauth/register",
  revocation: "/oauth/revoke",
  jwks: "/oauth/jwks",
  userinfo: "/oauth/userinfo",
  introspection: "/oauth/introspect",
  pushed_authorization_request: "/oauth/par",
} as const;

export const providerScopes = ["mcp", "offline_access"];
export const consentPath = (uid: string) => `/oauth/consent/${uid}`;

// Sign-in is always asked of our own console session (consent.ts), never of the provider's separate session, so a
// person who signed out of Switchyard, or is someone else now, is never carried over.
function alwaysAskSignIn() {
  const policy = interactionPolicy.base();
  const login = policy.get("login")!;
  login.checks.add(new interactionPolicy.Check("console_session", "sign-in is checked against the console session", (ctx) => (ctx.oidc.result?.login ? interactionPolicy.Check.NO_NEED_TO_PROMPT : interactionPolicy.Check.REQUEST_PROMPT)));
  return policy;
}

const fetchMetadataDocument = createGuardedFetch({ maxRedirects: 0 });

async function configuration(): Promise<Configuration> {
  const authSecret = getSecrets().authSecret;
  const cookieKey = Buffer.from(hkdfSync("sha256", authSecret, "switchyard", "oauth-server-cookies", 32)).toString("base64url");
  return {
    adapter: PostgresAdapter,
    jwks: await loadSigningKeys(),
    cookies: { keys: [cookieKey] },
    routes,
    scopes: providerScopes,
    claims: { openid: ["sub"], email: ["email"], profile: ["name"] },
    responseTypes: ["code"],
    pkce: { required: () => true },
    clientDefaults: { grant_types: ["authorization_code", "refresh_token"], response_types: ["code"], token_endpoint_auth_method: "none", id_token_signed_response_alg: "ES256" },
    ttl: {
      AccessToken: accessTokenSeconds,
      AuthorizationCode: 60,
      RefreshToken: 30 * 24 * 3600,
      Interaction: 600,
      Session: 600,
      Grant: 365 * 24 * 3600,
      IdToken: 600,
    },
    // Refresh tokens need no offline_access (MCP hosts do not ask for it); each is used once (OAuth 2.1 §4.3.1).
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed("refresh_token"),
    rotateRefreshToken: true,
    clientBasedCORS: () => true,
    interactions: { url: (_ctx, interaction) => consentPath(interaction.uid), policy: alwaysAskSignIn() },
    findAccount: async (_ctx, sub) => {
      const user = await getUserById(await getDb(), { id: sub });
      return user ? { accountId: user.id, claims: () => ({ sub: user.id, email: user.email, name: user.name ?? undefined }) } : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: false },
      registration: { enabled: true },
      resourceIndicators: {
        enabled: true,
        // RFC 8707 is required here: a token always names the one server it is for.
        defaultResource: () => {
          throw new errors.InvalidTarget("resource is required: send the MCP server's URL as the resource parameter (RFC 8707)");
        },
        useGrantedResource: () => true,
        getResourceServerInfo: async (_ctx, resource) => {
          if (!(await findSignInResource(resource))) throw new errors.InvalidTarget(await resourceRefusal(resource));
          return { scope: "mcp", audience: resource, accessTokenFormat: "opaque", accessTokenTTL: accessTokenSeconds };
        },
      },
      clientIdMetadataDocument: {
        enabled: true,
        ack: "draft-02",
        // A name with NUL cannot be stored (PostgreSQL text): Allow then failed on the grant's row and the person was
        // stuck on the consent page (tests/e2e/oauth-hostile-cimd.spec.ts). Registration refuses it too (serve.ts).
        allowClient: async (_ctx, client) =>
          (client.redirectUris ?? []).every((uri: string) => redirectUriProblem(uri) === null) && !String(client.clientName ?? "").includes("\u0000"),
        cacheDuration: { min: 60, max: 3600 },
      },
    },
    // The metadata document is fetched through our SSRF guard (which honours MCP_ALLOW_PRIVATE_NETWORK) in place
    // of the provider's own dispatcher; the provider keeps its 2.5 s timeout and response size limit.
    fetch: (url, { dispatcher: _ignored, ...options }: RequestInit & { dispatcher?: unknown }) => fetchMetadataDocument(url, options),
    renderError: async (ctx, out) => {
      ctx.type = "html";
      ctx.body = errorPage(String(out.error), String(out.error_description ?? ""));
    },
  } as Configuration;
}

function errorPage(error: string, description: string): string {
  const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Sign-in could not start</title></head><body style="font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem;color:#111"><h1 style="font-size:1.25rem">Sign-in could not start</h1><p>${escape(description || error)}</p><p style="color:#555">The app that sent you here made a request Switchyard cannot accept (${escape(error)}). Go back to it and try connecting again; if this keeps happening, tell its developer.</p></body></html>`;
}

const holder = globalThis as unknown as { __switchyardOauthServer?: Promise<Provider> };

/** The one provider of this process (per bundle: Next may load this module more than once). */
export function getProvider(): Promise<Provider> {
  holder.__switchyardOauthServer ??= configuration().then((config) => {
    const provider = new Provider(issuerUrl(), config);
    provider.proxy = true; // the bridge sets X-Forwarded-* from APP_URL itself (node-bridge.ts)
    return provider;
  });
  holder.__switchyardOauthServer.catch(() => (holder.__switchyardOauthServer = undefined));
  return holder.__switchyardOauthServer;
}

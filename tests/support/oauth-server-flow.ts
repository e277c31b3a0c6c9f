// Our authorization server driven in-process, as a browser and a client would: register, authorize, consent (as a
// signed-in person), exchange the code. For integration tests that need real tokens; e2e tests use a real browser.
import { createHash, randomBytes } from "node:crypto";
import { answerConsent, loadConsent } from "@/server/authorization-server/consent";
import { serveAuthorizationServer } from "@/server/authorization-server/serve";
import { env } from "@/server/env";

const base = env.APP_URL.replace(/\/$/, "");

export function oauthRequest(path: string, init: RequestInit & { form?: Record<string, string> } = {}) {
  const { form, ...rest } = init;
  const body = form ? new URLSearchParams(form).toString() : rest.body;
  const headers = new Headers(rest.headers);
  if (form) headers.set("content-type", "application/x-www-form-urlencoded");
  return serveAuthorizationServer(new Request(`${base}${path}`, { ...rest, headers, body }));
}

/** A browser's cookies, enough for the provider's interaction and session cookies. */
export class CookieJar {
  private cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const at = pair!.indexOf("=");
      const name = pair!.slice(0, at).trim();
      const value = pair!.slice(at + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

export async function registerClient(metadata: Record<string, unknown> = {}) {
  const response = await oauthRequest("/oauth/register", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_name: "Test client", redirect_uris: ["http://127.0.0.1:8976/callback"], token_endpoint_auth_method: "none", ...metadata }),
  });
  if (response.status !== 201) throw new Error(`registration failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as { client_id: string; redirect_uris: string[] };
}

export function pkcePair() {
  const verifier = randomBytes(32).toString("base64url");
  return { verifier, challenge: createHash("sha256").update(verifier).digest("base64url") };
}

/** Starts an authorization; returns the consent page's uid and the browser's cookies. */
export async function startAuthorization({ clientId, redirectUri, resource, challenge, scope = "mcp", state = "s1" }: { clientId: string; redirectUri: string; resource?: string; challenge: string; scope?: string; state?: string }) {
  const jar = new CookieJar();
  const query = new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, response_type: "code", code_challenge: challenge, code_challenge_method: "S256", scope, state });
  if (resource) query.set("resource", resource);
  const response = await oauthRequest(`/oauth/authorize?${query}`);
  jar.take(response);
  const location = response.headers.get("location") ?? "";
  const uid = location.match(/\/oauth\/consent\/([^/?#]+)/)?.[1] ?? null;
  return { response, jar, uid, location };
}

/** Follows the provider's redirects after consent until it returns to the client; returns that URL. */
export async function resumeToClient(jar: CookieJar, redirectTo: string) {
  let url = redirectTo;
  for (let hop = 0; hop < 5 && url.startsWith(base); hop++) {
    const response = await oauthRequest(new URL(url).pathname + new URL(url).search, { headers: { cookie: jar.header() } });
    jar.take(response);
    url = new URL(response.headers.get("location") ?? "", base).toString();
  }
  return new URL(url);
}

/** The whole flow for a person who approves: a real access and refresh token for `resource`. */
export async function issueTokens({ userId, resource, clientId }: { userId: string; resource: string; clientId?: string }) {
  const redirectUri = "http://127.0.0.1:8976/callback";
  const client = clientId ?? (await registerClient()).client_id;
  const { verifier, challenge } = pkcePair();
  const { jar, uid } = await startAuthorization({ clientId: client, redirectUri, resource, challenge });
  if (!uid) throw new Error("no consent step");
  const view = await loadConsent({ uid, cookie: jar.header(), userId });
  const redirectTo = view.kind === "done" ? view.redirectTo : await answerConsent({ uid, cookie: jar.header(), userId, approve: true });
  if (!redirectTo) throw new Error(`consent failed: ${JSON.stringify(view)}`);
  const back = await resumeToClient(jar, redirectTo);
  const code = back.searchParams.get("code");
  if (!code) throw new Error(`no code: ${back}`);
  const token = await oauthRequest("/oauth/token", { method: "POST", form: { grant_type: "authorization_code", code, redirect_uri: redirectUri, client_id: client, code_verifier: verifier, resource } });
  const body = (await token.json()) as { access_token: string; refresh_token: string; error?: string; error_description?: string };
  if (!token.ok) throw new Error(`token failed: ${JSON.stringify(body)}`);
  return { clientId: client, accessToken: body.access_token, refreshToken: body.refresh_token, redirectBack: back };
}

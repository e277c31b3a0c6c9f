// Every request to the authorization server's endpoints (/oauth/*, the discovery documents) comes through here:
// what we check before the provider sees it, then the provider itself (node-bridge.ts).
import "server-only";
import { clientSubject } from "@/server/client-address/client-address";
import { env } from "@/server/env";
import { getKv } from "@/server/kv";
import { rateLimit } from "@/server/kv/rate-limit";
import { runNodeHandler } from "./node-bridge";
import { getProvider, routes } from "./provider";
import { redirectUriProblem } from "./redirect-uri-rule";

const maxRegistrationBytes = 16 * 1024;

function oauthError(status: number, error: string, description: string, headers: Record<string, string> = {}) {
  return Response.json({ error, error_description: description }, { status, headers: { "cache-control": "no-store", ...headers } });
}

export async function serveAuthorizationServer(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  if (path === routes.registration && request.method === "POST") {
    const refusal = await checkRegistration(request.clone());
    if (refusal) return refusal;
  }
  const provider = await getProvider();
  return runNodeHandler(provider.callback(), request);
}

/**
 * RFC 7591 registration is open to anyone, so it is limited per client address (TRUSTED_PROXY_HOPS decides which
 * address is the caller's), capped in size, and its redirect URIs must follow our rule before the provider stores
 * anything. Registrations that nobody approves expire (adapter.ts).
 */
async function checkRegistration(request: Request): Promise<Response | null> {
  const subject = clientSubject(request.headers);
  if (subject) {
    const limit = await rateLimit(getKv(), { bucket: "oauth_register", id: subject, limit: env.OAUTH_REGISTRATIONS_PER_HOUR, windowSeconds: 3600 });
    if (!limit.ok) return oauthError(429, "slow_down", `Too many client registrations from this address: try again in ${limit.retryAfter} seconds.`, { "retry-after": String(limit.retryAfter) });
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > maxRegistrationBytes) return oauthError(413, "invalid_client_metadata", `Client metadata may be at most ${maxRegistrationBytes} bytes.`);
  let metadata: unknown;
  try {
    metadata = JSON.parse(text);
  } catch {
    return oauthError(400, "invalid_client_metadata", "The registration body must be a JSON object (RFC 7591 §3.1).");
  }
  // PostgreSQL text cannot hold NUL: a client_name with one failed the insert (a 500, found by the fuzzer).
  if (JSON.stringify(metadata).includes("\\u0000")) return oauthError(400, "invalid_client_metadata", "Client metadata must not contain NUL characters.");
  const uris = (metadata as { redirect_uris?: unknown } | null)?.redirect_uris;
  if (!Array.isArray(uris) || uris.length === 0 || !uris.every((uri) => typeof uri === "string")) {
    return oauthError(400, "invalid_redirect_uri", "redirect_uris must be a non-empty array of URIs.");
  }
  const problem = uris.map((uri: string) => redirectUriProblem(uri)).find(Boolean);
  return problem ? oauthError(400, "invalid_redirect_uri", problem) : null;
}

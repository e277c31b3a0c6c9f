// The names the authorization server and the published endpoints share: the issuer, each endpoint's resource
// identifier (RFC 8707: the endpoint's canonical URL, which is what clients send and what a token is bound to) and
// where its protected resource metadata lives (RFC 9728 §3.1: the well-known prefix inserted before the path).
import "server-only";
import { env } from "@/server/env";
import { isWellFormedCode } from "@/server/mcp/server/server-code";

/** The deployment's origin plus any base path, without a trailing slash. */
export function issuerUrl(appUrl = env.APP_URL): string {
  return appUrl.replace(/\/+$/, "");
}

export function endpointPath(code: string): string {
  return `/mcp/server/${code}/mcp`;
}

/** The resource a token for this published server must be issued for. */
export function resourceUrl(code: string, appUrl = env.APP_URL): string {
  return `${issuerUrl(appUrl)}${endpointPath(code)}`;
}

export function protectedResourceMetadataUrl(code: string, appUrl = env.APP_URL): string {
  const base = new URL(issuerUrl(appUrl));
  return `${base.origin}/.well-known/oauth-protected-resource${base.pathname.replace(/\/$/, "")}${endpointPath(code)}`;
}

/** The code in a resource URL of this deployment, or null for any other URL. */
export function codeFromResource(resource: string, appUrl = env.APP_URL): string | null {
  const prefix = `${issuerUrl(appUrl)}/mcp/server/`;
  if (!resource.startsWith(prefix) || !resource.endsWith("/mcp")) return null;
  const code = resource.slice(prefix.length, -"/mcp".length);
  return isWellFormedCode(code) ? code : null;
}

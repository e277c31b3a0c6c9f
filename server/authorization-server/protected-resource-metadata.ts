// RFC 9728 protected resource metadata for one published endpoint: where an MCP client learns which authorization
// server issues tokens for it (MCP authorization 2025-11-25, "Authorization Server Discovery"). Only a server that
// is on and in sign-in mode has one; every other code (unknown, off, URL or API-key mode) gets the same 404, so the
// document says nothing about servers that do not use sign-in, and clients of those fail fast instead of starting
// an OAuth flow that cannot work.
import "server-only";
import { hashToken, safeEqual } from "@/server/crypto/tokens";
import { getKv } from "@/server/kv";
import { findEndpoint } from "@/server/mcp/server/endpoint-cache";
import { isWellFormedCode } from "@/server/mcp/server/server-code";
import { issuerUrl, resourceUrl } from "./resource";

// Public metadata that browser-based clients read cross-origin (RFC 9728 §3 does not forbid; MCP clients in
// browsers need it). No credentials are involved, so any origin will do.
const corsHeaders = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type, MCP-Protocol-Version",
  "Access-Control-Max-Age": "86400",
};

export function protectedResourcePreflight(): Response {
  return new Response(null, { status: 204, headers: corsHeaders });
}

export async function protectedResourceMetadata(code: string): Promise<Response> {
  // Looked up by hash through the endpoint's own cache, like a call; the code is never logged.
  const codeHash = isWellFormedCode(code) ? hashToken(code) : null;
  const endpoint = codeHash ? await findEndpoint(getKv(), { codeHash, keyHash: "" }) : null;
  if (!codeHash || !endpoint || !safeEqual(endpoint.codeHash, codeHash) || !endpoint.enabled || endpoint.accessMode !== "sign_in") {
    return Response.json(
      { code: "not_found:protected_resource", message: "No protected resource metadata here: this URL is not an MCP server that uses Switchyard sign-in." },
      { status: 404, headers: { ...corsHeaders, "Cache-Control": "no-store" } },
    );
  }
  // RFC 9728 §2 and §3.3: `resource` is exactly the URL the client used (and the audience tokens are bound to).
  return Response.json(
    {
      resource: resourceUrl(code),
      authorization_servers: [issuerUrl()],
      scopes_supported: ["mcp"],
      bearer_methods_supported: ["header"],
      resource_name: endpoint.info.title,
    },
    // A mode switch must be seen at once by clients too: no caching of a document that may stop being true.
    { headers: { ...corsHeaders, "Cache-Control": "no-store" } },
  );
}

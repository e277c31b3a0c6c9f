// RFC 8414 authorization server metadata: the provider's own discovery document with the fields MCP clients look
// for stated outright (MCP authorization 2025-11-25; Claude and ChatGPT check them): S256 only, public clients
// (`none`), RFC 9207 `iss` in every authorization response, client ID metadata documents.
import "server-only";
import { runNodeHandler } from "./node-bridge";
import { getProvider } from "./provider";
import { issuerUrl } from "./resource";

const corsHeaders = { "access-control-allow-origin": "*", "access-control-allow-methods": "GET, OPTIONS", "access-control-allow-headers": "mcp-protocol-version, content-type" };

let cached: Promise<Record<string, unknown>> | undefined;

export function authorizationServerMetadata(): Promise<Record<string, unknown>> {
  cached ??= build().catch((error: unknown) => {
    cached = undefined;
    throw error;
  });
  return cached;
}

async function build(): Promise<Record<string, unknown>> {
  const provider = await getProvider();
  const answer = await runNodeHandler(provider.callback(), new Request(`${issuerUrl()}/.well-known/openid-configuration`));
  const discovery = (await answer.json()) as Record<string, unknown>;
  const methods = new Set([...((discovery.token_endpoint_auth_methods_supported as string[] | undefined) ?? []), "none"]);
  return {
    ...discovery,
    issuer: issuerUrl(),
    response_types_supported: ["code"],
    grant_types_supported: ["authorization_code", "refresh_token"],
    code_challenge_methods_supported: ["S256"],
    token_endpoint_auth_methods_supported: [...methods],
    authorization_response_iss_parameter_supported: true,
    client_id_metadata_document_supported: true,
    scopes_supported: ["mcp", "offline_access"],
  };
}

export async function serveAuthorizationServerMetadata(request: Request): Promise<Response> {
  if (request.method === "OPTIONS") return new Response(null, { status: 204, headers: corsHeaders });
  return Response.json(await authorizationServerMetadata(), { headers: { ...corsHeaders, "cache-control": "public, max-age=300" } });
}

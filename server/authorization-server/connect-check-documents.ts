// "Will it connect?", sign-in mode: the two discovery documents a client reads (MCP authorization 2025-11-25
// "Authorization Server Discovery") and what a browser-based client's CORS preflight gets. Pure: the documents and
// headers are passed in (connect-check.ts builds them in-process, without HTTP to ourselves).
import type { ConnectCheck } from "./connect-check-rules";

type Doc = Record<string, unknown> | null;

const has = (list: unknown, value: string) => Array.isArray(list) && list.includes(value);

function verdict(base: { id: string; title: string }, problems: string[], passMessage: string, fix: string): ConnectCheck {
  if (problems.length === 0) return { ...base, status: "pass", message: passMessage };
  return { ...base, status: "fail", message: `${problems.join("; ")}.`, fix };
}

/** RFC 9728 §2, §3.3: the document names this endpoint as its resource and us as its authorization server. */
export function checkResourceMetadata({ document, resource, issuer }: { document: Doc; resource: string; issuer: string }): ConnectCheck {
  const base = { id: "resource_metadata", title: "Protected resource metadata (RFC 9728)" };
  const fix = "The endpoint serves this document only while the server is on and its access mode is \"Switchyard sign-in\".";
  if (!document) return { ...base, status: "fail", message: "This endpoint has no protected resource metadata, so clients cannot find where to sign in.", fix };
  const problems: string[] = [];
  if (document.resource !== resource) problems.push(`"resource" is ${JSON.stringify(document.resource)}, not the endpoint's URL ${resource}`);
  if (!has(document.authorization_servers, issuer)) problems.push(`"authorization_servers" does not contain ${issuer}`);
  if (document.bearer_methods_supported !== undefined && !has(document.bearer_methods_supported, "header")) problems.push('"bearer_methods_supported" leaves out "header"');
  return verdict(base, problems, `Names the endpoint as the resource and ${issuer} as its authorization server.`, "Check APP_URL: both URLs are built from it, and a client refuses a resource that is not the URL it connected to (RFC 9728 §3.3).");
}

/** RFC 8414 §2 and §3.3, plus what the MCP authorization spec requires of the server clients register with. */
export function checkAuthorizationServerMetadata({ document, issuer }: { document: Doc; issuer: string }): ConnectCheck {
  const base = { id: "authorization_server_metadata", title: "Authorization server metadata (RFC 8414)" };
  if (!document) return { ...base, status: "fail", message: "The authorization server metadata could not be built.", fix: "Check the server log for the authorization server's error." };
  const problems: string[] = [];
  if (document.issuer !== issuer) problems.push(`"issuer" is ${JSON.stringify(document.issuer)}, not ${issuer}`);
  for (const field of ["authorization_endpoint", "token_endpoint", "registration_endpoint"]) {
    if (typeof document[field] !== "string") problems.push(`"${field}" is missing`);
  }
  // MCP authorization §Authorization Code Protection: without S256 listed, clients MUST refuse to go on.
  if (!has(document.code_challenge_methods_supported, "S256")) problems.push('"code_challenge_methods_supported" lacks "S256"');
  if (!has(document.token_endpoint_auth_methods_supported, "none")) problems.push('"token_endpoint_auth_methods_supported" lacks "none" (public clients)');
  if (document.response_types_supported !== undefined && !has(document.response_types_supported, "code")) problems.push('"response_types_supported" lacks "code"');
  // RFC 9207 §3: clients check `iss` on the way back only when this says it is there.
  if (document.authorization_response_iss_parameter_supported !== true) problems.push('"authorization_response_iss_parameter_supported" is not true');
  if (document.client_id_metadata_document_supported !== true) problems.push('"client_id_metadata_document_supported" is not true');
  return verdict(base, problems, "Lists S256 PKCE, public clients, dynamic registration, client ID metadata documents and iss in responses.", "The authorization server's configuration (server/authorization-server) must switch these on.");
}

export interface PreflightAnswer {
  status: number;
  headers: Headers;
}

/** The request headers an MCP client in a browser sends, which a preflight must allow (Fetch §CORS protocol). */
const neededHeaders = ["authorization", "content-type", "mcp-protocol-version"];

function allowsOrigin(headers: Headers, origin: string): boolean {
  const allowed = headers.get("access-control-allow-origin");
  return allowed === "*" || allowed === origin;
}

/**
 * A browser-based client on another site first sends a preflight. The endpoint may refuse other origins (it does,
 * against DNS rebinding: MCP transports §Security Warning), which hosted clients never notice since they call
 * from their servers; but if it allows one, it must allow what MCP sends. The metadata documents are public and
 * must be readable from any origin (`*`), as oidc-provider and the RFC 9728 route serve them.
 */
export function checkCorsPreflight({ origin, endpoint, metadata }: { origin: string; endpoint: PreflightAnswer; metadata: { name: string; headers: Headers | null }[] }): ConnectCheck {
  const base = { id: "cors", title: "CORS preflight for browser clients" };
  const problems: string[] = [];
  if (endpoint.status >= 500) problems.push(`the endpoint answered the preflight with HTTP ${endpoint.status}`);
  const endpointAllows = allowsOrigin(endpoint.headers, origin);
  if (endpointAllows) {
    // "*" in Allow-Headers never covers Authorization (Fetch §CORS protocol), so each name is looked for.
    const allowedHeaders = (endpoint.headers.get("access-control-allow-headers") ?? "").toLowerCase().split(",").map((h) => h.trim());
    const missing = neededHeaders.filter((h) => !allowedHeaders.includes(h));
    if (missing.length > 0) problems.push(`the endpoint allows ${origin} but not the headers ${missing.join(", ")}`);
    if (!(endpoint.headers.get("access-control-allow-methods") ?? "").toUpperCase().includes("POST")) problems.push(`the endpoint allows ${origin} but not POST`);
  }
  for (const doc of metadata) {
    if (doc.headers && doc.headers.get("access-control-allow-origin") !== "*") problems.push(`the ${doc.name} is not readable from other origins (no Access-Control-Allow-Origin: *)`);
  }
  if (problems.length > 0) return { ...base, status: "fail", message: `${problems.join("; ")}.`, fix: "Browser-based MCP clients (the Inspector in direct mode, web apps) need these CORS headers; Claude and ChatGPT call from their servers." };
  const docs = metadata.some((d) => d.headers) ? " The metadata documents are readable from any origin." : "";
  if (endpointAllows) return { ...base, status: "pass", message: `The endpoint allows browser calls from other origins with the headers MCP sends.${docs}` };
  return {
    ...base,
    status: "pass",
    message: `Claude and ChatGPT call from their servers, which CORS does not concern.${docs}`,
    fix: "Browser pages on other sites cannot call the endpoint itself: it refuses other origins against DNS rebinding. A browser-based client needs a proxy (as the MCP Inspector has).",
  };
}

// The HTTP side of the server cards (server-card.ts): JSON any origin may read (SEP-2127 §CORS Requirements), a
// preflight answer, and 404 in the route handlers' `{ code, message }` shape.
import "server-only";
import { deploymentCard, findServerCard } from "./server-card";

const cors = { "access-control-allow-origin": "*", "access-control-allow-methods": "GET, OPTIONS", "access-control-allow-headers": "Content-Type" };

export const preflight = () => new Response(null, { status: 204, headers: cors });

export function serveDeploymentCard(): Response {
  return Response.json(deploymentCard(), { headers: { ...cors, "cache-control": "public, max-age=3600" } });
}

export async function serveServerCard(code: string): Promise<Response> {
  const found = await findServerCard(code);
  if (!found) {
    const body = { code: "not_found:mcp_server", message: "No MCP server answers at this code: it is unknown or turned off. Ask the server's owner for its URL." };
    return Response.json(body, { status: 404, headers: cors });
  }
  if ("retryAfter" in found) {
    const body = { code: "rate_limit:mcp_server_card", message: `Too many requests for this server's card: retry in ${found.retryAfter} seconds.` };
    return Response.json(body, { status: 429, headers: { ...cors, "retry-after": String(found.retryAfter) } });
  }
  // Revalidated on every use: a server's tools, access and name change when its owner changes them.
  return Response.json(found.card, { headers: { ...cors, "cache-control": "no-cache" } });
}

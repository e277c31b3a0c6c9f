// An MCP App's HTML for Debug & Preview's sandboxed frame; next.config.ts gives it its own CSP (sandbox, no network).
import { appViewContentSecurityPolicy } from "@/server/http/security-headers";
import { readAppView } from "@/server/mcp/servers/app-view";

export async function GET(_request: Request, { params }: RouteContext<"/mcp/app-view/[token]">) {
  const { token } = await params;
  const html = await readAppView(token);
  const headers = { "content-security-policy": appViewContentSecurityPolicy, "cache-control": "no-store", "x-content-type-options": "nosniff" };
  if (html === null) return new Response("This app view expired. Run the tool again to see it.", { status: 404, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
  return new Response(html, { headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
}

// An MCP App's HTML for Debug & Preview's sandboxed frame, with a policy that allows only what the app declared.
import { appViewCsp } from "@/server/mcp/servers/app-view-csp";
import { readAppView } from "@/server/mcp/servers/app-view";

export async function GET(_request: Request, { params }: RouteContext<"/mcp/app-view/[token]">) {
  const { token } = await params;
  const view = await readAppView(token);
  const headers = { "content-security-policy": appViewCsp(view?.csp), "cache-control": "no-store", "x-content-type-options": "nosniff" };
  if (view === null) return new Response("This app view expired. Run the tool again to see it.", { status: 404, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
  return new Response(view.html, { headers: { ...headers, "content-type": "text/html; charset=utf-8" } });
}

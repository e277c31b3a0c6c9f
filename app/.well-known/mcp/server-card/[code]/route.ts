// One published server's MCP server card (SEP-2127), by the code in its URL: an app's server or the workspace's.
import { preflight, serveServerCard } from "@/server/mcp/server/serve-server-card";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: RouteContext<"/.well-known/mcp/server-card/[code]">) {
  return serveServerCard((await params).code);
}

export const OPTIONS = preflight;

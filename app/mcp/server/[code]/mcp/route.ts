// The published app endpoint: every app published as an MCP server answers here (server/mcp/server does the work).
import { handlePublishedRequest } from "@/server/mcp/server/handle-request";

export const dynamic = "force-dynamic";

async function handle(request: Request, { params }: RouteContext<"/mcp/server/[code]/mcp">) {
  const { code } = await params;
  return handlePublishedRequest(request, code);
}

export { handle as POST, handle as GET, handle as DELETE, handle as PUT, handle as PATCH };

// RFC 9728 protected resource metadata of a published app's endpoint (server/authorization-server does the work).
import { protectedResourceMetadata, protectedResourcePreflight } from "@/server/authorization-server/protected-resource-metadata";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: RouteContext<"/.well-known/oauth-protected-resource/mcp/server/[code]/mcp">) {
  const { code } = await params;
  return protectedResourceMetadata(code);
}

export function OPTIONS() {
  return protectedResourcePreflight();
}

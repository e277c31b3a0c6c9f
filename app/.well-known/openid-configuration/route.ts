// The same metadata at the OpenID Connect Discovery address, which some clients try first (MCP authorization
// 2025-11-25, "Authorization Server Metadata Discovery").
import { serveAuthorizationServerMetadata } from "@/server/authorization-server/metadata";

export const dynamic = "force-dynamic";

export const GET = serveAuthorizationServerMetadata;
export const OPTIONS = serveAuthorizationServerMetadata;

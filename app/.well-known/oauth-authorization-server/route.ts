// RFC 8414 authorization server metadata for the issuer APP_URL (server/authorization-server/metadata.ts).
import { serveAuthorizationServerMetadata } from "@/server/authorization-server/metadata";

export const dynamic = "force-dynamic";

export const GET = serveAuthorizationServerMetadata;
export const OPTIONS = serveAuthorizationServerMetadata;

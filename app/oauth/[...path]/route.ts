// The authorization server's endpoints (authorize, token, register, revoke, jwks) for published servers in
// "Switchyard sign-in" mode: server/authorization-server/.
import { serveAuthorizationServer } from "@/server/authorization-server/serve";

export const dynamic = "force-dynamic";

export const GET = serveAuthorizationServer;
export const POST = serveAuthorizationServer;
export const OPTIONS = serveAuthorizationServer;

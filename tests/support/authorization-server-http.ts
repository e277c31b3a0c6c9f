// The authorization server's routes as `next start` serves them, for tests that send it Requests: each path to the
// route module that answers it, and 405 for a method the module does not export (what Next answers).
import * as oauthRoutes from "@/app/oauth/[...path]/route";
import * as serverMetadata from "@/app/.well-known/oauth-authorization-server/route";
import * as openidConfiguration from "@/app/.well-known/openid-configuration/route";

type RouteModule = Partial<Record<"GET" | "POST" | "OPTIONS" | "HEAD", (request: Request) => Promise<Response>>>;

const routes: Array<[RegExp, RouteModule]> = [
  [/^\/oauth\/.+/, oauthRoutes],
  [/^\/\.well-known\/oauth-authorization-server$/, serverMetadata],
  [/^\/\.well-known\/openid-configuration$/, openidConfiguration],
];

export async function authorizationServerFetch(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const route = routes.find(([pattern]) => pattern.test(path))?.[1];
  if (!route) return new Response(null, { status: 404 });
  // Next answers HEAD with GET's handler, without the body.
  const method = (request.method === "HEAD" && !route.HEAD ? "GET" : request.method) as keyof RouteModule;
  const handler = route[method];
  if (!handler) return new Response(null, { status: 405 });
  const response = await handler(request);
  return request.method === "HEAD" ? new Response(null, { status: response.status, headers: response.headers }) : response;
}

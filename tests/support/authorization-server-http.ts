// The authorization server's routes as `next start` serves them, for tests that send it Requests: each path to the
// route module that answers it, and 405 for a method the module does not export (what Next answers).
import * as oauthRoutes from "@/app/oauth/[...path]/route";
import * as serverMetadata from "@/app/.well-known/oauth-authorization-server/route";
import * as openidConfiguration from "@/app/.well-known/openid-configuration/route";
import * as protectedResource from "@/app/.well-known/oauth-protected-resource/mcp/server/[code]/mcp/route";

// `any`: each route types its own params (RouteContext<...>); the table only passes them on.
type Handler = (request: Request, context: { params: Promise<any> }) => Response | Promise<Response>;
type RouteModule = Partial<Record<"GET" | "POST" | "OPTIONS" | "HEAD", Handler>>;

// The pattern's groups are the route's params, decoded as Next decodes a path segment.
const routes: Array<[RegExp, RouteModule]> = [
  [/^\/oauth\/(?<path>.+)$/, oauthRoutes as RouteModule],
  [/^\/\.well-known\/oauth-authorization-server$/, serverMetadata as RouteModule],
  [/^\/\.well-known\/openid-configuration$/, openidConfiguration as RouteModule],
  [/^\/\.well-known\/oauth-protected-resource\/mcp\/server\/(?<code>[^/]+)\/mcp$/, protectedResource as RouteModule],
];

export async function authorizationServerFetch(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const found = routes.map(([pattern, module]) => [pattern.exec(path), module] as const).find(([match]) => match);
  if (!found) return new Response(null, { status: 404 });
  const [match, route] = found;
  let params: Record<string, string>;
  try {
    params = Object.fromEntries(Object.entries(match!.groups ?? {}).map(([name, value]) => [name, decodeURIComponent(value)]));
  } catch {
    return new Response(null, { status: 400 }); // what Next answers for a malformed percent-encoding
  }
  // Next answers HEAD with GET's handler, without the body.
  const method = (request.method === "HEAD" && !route.HEAD ? "GET" : request.method) as keyof RouteModule;
  const handler = route[method];
  if (!handler) return new Response(null, { status: 405 });
  const response = await handler(request, { params: Promise.resolve(params) });
  return request.method === "HEAD" ? new Response(null, { status: response.status, headers: response.headers }) : response;
}

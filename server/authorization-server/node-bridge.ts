// oidc-provider is a Koa application that takes Node's (req, res); Next route handlers hold a web Request. This runs
// the provider in-process on an injected request (light-my-request, the Fastify team's request injector) and turns
// its answer back into a web Response. The request is presented as if it arrived at APP_URL: the issuer and every
// URL the provider builds come from APP_URL, never from a Host header a caller chose.
import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { inject } from "light-my-request";
import { clientAddress } from "@/server/client-address/client-address";
import { env } from "@/server/env";

type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

// What a caller may pass through to the provider; everything else (Host, X-Forwarded-*) is ours to set.
const passedHeaders = ["accept", "accept-language", "authorization", "content-type", "cookie", "origin", "user-agent", "dpop", "access-control-request-method", "access-control-request-headers"];

export async function runNodeHandler(handler: NodeHandler, request: Request, { url = request.url }: { url?: string } = {}): Promise<Response> {
  const appUrl = new URL(env.APP_URL);
  const target = new URL(url);
  const headers: Record<string, string> = {
    host: appUrl.host,
    "x-forwarded-host": appUrl.host,
    "x-forwarded-proto": appUrl.protocol.replace(":", ""),
  };
  for (const name of passedHeaders) {
    const value = request.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  const hasBody = request.method !== "GET" && request.method !== "HEAD";
  const answer = await inject(handler, {
    method: request.method as "GET",
    url: target.pathname + target.search,
    headers,
    payload: hasBody ? Buffer.from(await request.arrayBuffer()) : undefined,
    remoteAddress: clientAddress(request.headers) ?? "0.0.0.0",
  });
  const out = new Headers();
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value === undefined || name === "content-length" || name === "transfer-encoding" || name === "connection") continue;
    for (const one of Array.isArray(value) ? value : [String(value)]) out.append(name, one);
  }
  const nullBody = answer.statusCode === 204 || answer.statusCode === 304 || request.method === "HEAD";
  return new Response(nullBody ? null : new Uint8Array(answer.rawPayload), { status: answer.statusCode, headers: out });
}

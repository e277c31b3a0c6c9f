// Proxy (Next 16's middleware): a fresh CSP nonce for every page request. Next finds the nonce in the request's
// Content-Security-Policy header and applies it to the scripts it renders; the root layout hands it to next-themes.
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/server/env";
import { pageContentSecurityPolicy } from "@/server/http/security-headers";

export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = pageContentSecurityPolicy({ nonce, dev: env.NODE_ENV !== "production" });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Pages only: route handlers (API, MCP endpoint, OAuth callback, well-known metadata, bench) set their own CSP,
  // static files need none.
  matcher: ["/((?!api/|console/api/|mcp/|\\.well-known/|bench/|_next/static|_next/image|favicon\\.ico|icon\\.svg|robots\\.txt).*)"],
};

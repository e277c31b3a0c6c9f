import type { NextConfig } from "next";
import { iconContentSecurityPolicy, routeContentSecurityPolicy, securityHeaders } from "./server/http/security-headers";

// Pages get their CSP (with a per-request nonce) from proxy.ts; route handlers get a deny-all one here, except the
// OAuth callback, whose small page sets its own (server/mcp/oauth/callback-response.ts), and the tool icons, which
// get the image policy, and MCP Apps, which Debug & Preview frames (same origin only) in their own sandbox. A
// header set here wins over the same header from a route handler.
const routeCsp = [{ key: "Content-Security-Policy", value: routeContentSecurityPolicy }];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The build checks the app's own code; tests and scripts are checked by `npm run typecheck` in `npm test`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // Native and WASM drivers load their own files at run time: keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "ioredis", "pg-boss", "pg", "oidc-provider", "light-my-request", "isolated-vm"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders() },
      { source: "/api/:path*", headers: routeCsp },
      { source: "/mcp/:path((?!icons/|app-view/).*)", headers: routeCsp },
      { source: "/mcp/icons/:path*", headers: [{ key: "Content-Security-Policy", value: iconContentSecurityPolicy }] },
      {
        // Its Content-Security-Policy comes from the route: it depends on the origins the app declares.
        source: "/mcp/app-view/:path*",
        headers: [{ key: "X-Frame-Options", value: "SAMEORIGIN" }],
      },
      { source: "/.well-known/:path*", headers: routeCsp },
      { source: "/console/api/mcp/oauth/client-metadata", headers: routeCsp },
    ];
  },
};

export default nextConfig;

import type { NextConfig } from "next";
import { env } from "./server/env";

const dev = env.NODE_ENV !== "production";

// 'unsafe-inline' scripts: Next's App Router inlines its bootstrap; nonces would make every page dynamic.
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob: https:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  // Sign-in with GitHub or Google posts a form that redirects to their https pages.
  "form-action 'self' https:",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Content-Security-Policy", value: contentSecurityPolicy },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The build checks the app's own code; tests and scripts are checked by `npm run typecheck` in `npm test`.
  typescript: { tsconfigPath: "tsconfig.build.json" },
  // Native and WASM drivers load their own files at run time: keep them out of the bundle.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "ioredis"],
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;

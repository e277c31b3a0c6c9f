// Security headers in one place: the pages' Content-Security-Policy (a fresh nonce per request, set by proxy.ts;
// Next reads the nonce from the request's CSP header and puts it on its own scripts), the route handlers' CSP, and
// the headers every response gets (next.config.ts). Relative imports only: next.config.ts loads this file too.
import { env } from "../env";

/** HSTS and Secure cookies follow the public URL: behind TLS termination the request itself may look like http. */
export const usesHttps = (appUrl: string = env.APP_URL) => new URL(appUrl).protocol === "https:";

export function pageContentSecurityPolicy({ nonce, dev = false, https = usesHttps() }: { nonce: string; dev?: boolean; https?: boolean }) {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced bootstrap loads are trusted; no 'unsafe-inline' (React needs eval in dev).
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline styles stay allowed (component libraries set style attributes); they cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    // Audio a tool returned plays from a data: URL built from the stored result (components/tool-results).
    "media-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // Sign-in with GitHub or Google posts a form that redirects to their https pages.
    "form-action 'self' https:",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/** JSON and streams from route handlers: nothing in them may load or run anything if opened as a page. */
export const routeContentSecurityPolicy = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/** The tool icons (app/mcp/icons): an SVG opened on its own may style itself, and load or run nothing. */
export const iconContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'";

export function securityHeaders({ https = usesHttps() }: { https?: boolean } = {}) {
  return [
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
    // Two years, subdomains included (RFC 6797); only when we are served over https, or browsers would pin http.
    ...(https ? [{ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" }] : []),
  ];
}

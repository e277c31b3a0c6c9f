// The Content-Security-Policy of an MCP App's frame (app/mcp/app-view), framed by Debug & Preview only.
// `sandbox allow-scripts` gives it an opaque origin even if opened on its own, so it never sees the console's cookies,
// storage or DOM; it may run its own inline code and styles. It loads nothing from anywhere unless its resource declares
// the origins it needs (`_meta.ui.csp`, the MCP Apps extension); declared origins are checked to be plain https/wss
// origins (a `*.` subdomain wildcard allowed), so a server cannot smuggle other directives or keywords into the policy.
import { z } from "zod";

const origin = /^(https|wss):\/\/(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)*(:\d{1,5})?$/i;
const origins = z.array(z.string()).max(50).optional().catch(undefined);

export const appCspSchema = z
  .object({ connectDomains: origins, resourceDomains: origins, frameDomains: origins, baseUriDomains: origins })
  .partial()
  .catch({});
export type AppCsp = z.infer<typeof appCspSchema>;

/** The declared origins that are origins; anything else is dropped, not repaired. */
function allowed(list: string[] | undefined): string {
  return (list ?? []).filter((entry) => origin.test(entry)).join(" ");
}

/** Reads `_meta.ui.csp` of a resource's contents; anything malformed counts as nothing declared. */
export function declaredCsp(meta: unknown): AppCsp {
  const ui = (meta as { ui?: { csp?: unknown } } | undefined)?.ui;
  return appCspSchema.parse(ui?.csp ?? {});
}

export function appViewCsp(csp: AppCsp = {}): string {
  const resources = allowed(csp.resourceDomains);
  const connect = allowed(csp.connectDomains);
  const frames = allowed(csp.frameDomains);
  const base = allowed(csp.baseUriDomains);
  const with_ = (sources: string) => (resources ? `${sources} ${resources}` : sources);
  return [
    "default-src 'none'",
    `script-src ${with_("'unsafe-inline'")}`,
    `style-src ${with_("'unsafe-inline'")}`,
    `img-src ${with_("data:")}`,
    `media-src ${with_("data:")}`,
    `font-src ${with_("data:")}`,
    ...(connect ? [`connect-src ${connect}`] : []),
    ...(frames ? [`frame-src ${frames}`] : []),
    `base-uri ${base || "'none'"}`,
    "form-action 'none'",
    "frame-ancestors 'self'",
    "sandbox allow-scripts",
  ].join("; ");
}

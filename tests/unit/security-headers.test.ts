import { describe, expect, it } from "vitest";
import { callbackResponse } from "@/server/mcp/oauth/callback-response";
import { pageContentSecurityPolicy, securityHeaders, usesHttps } from "@/server/http/security-headers";

const directive = (policy: string, name: string) => policy.split("; ").find((d) => d.startsWith(`${name} `)) ?? "";

describe("security headers", () => {
  it("HSTS is sent for two years with subdomains when APP_URL is https, and never over plain http", () => {
    const https = securityHeaders({ https: usesHttps("https://switchyard.example") });
    expect(https).toContainEqual({ key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" });
    const http = securityHeaders({ https: usesHttps("http://localhost:3000") });
    expect(http.map((h) => h.key)).not.toContain("Strict-Transport-Security");
    expect(http).toContainEqual({ key: "X-Frame-Options", value: "DENY" });
  });

  it("the pages' CSP allows scripts only by this request's nonce, never 'unsafe-inline', and eval only in development", () => {
    const policy = pageContentSecurityPolicy({ nonce: "bm9uY2U=", https: true });
    const scripts = directive(policy, "script-src");
    expect(scripts).toBe("script-src 'self' 'nonce-bm9uY2U=' 'strict-dynamic'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("upgrade-insecure-requests");
    expect(directive(pageContentSecurityPolicy({ nonce: "n", dev: true, https: false }), "script-src")).toContain("'unsafe-eval'");
    expect(pageContentSecurityPolicy({ nonce: "n", https: false })).not.toContain("upgrade-insecure-requests");
  });

  it("the OAuth callback page runs only its own script, by a fresh nonce", async () => {
    const outcome = { ok: false, display: "popup", message: "<script>alert(1)</script>" } as const;
    const [first, second] = [callbackResponse(outcome, "http://localhost:3000"), callbackResponse(outcome, "http://localhost:3000")];
    const policy = first.headers.get("content-security-policy")!;
    const nonce = /'nonce-([^']+)'/.exec(directive(policy, "script-src"))?.[1];
    expect(nonce).toBeTruthy();
    expect(policy).not.toContain("unsafe-inline'; script");
    expect(directive(policy, "script-src")).not.toContain("unsafe-inline");
    const html = await first.text();
    expect(html.match(/<script[^>]*>/g)).toEqual([`<script nonce="${nonce}">`]);
    expect(second.headers.get("content-security-policy")).not.toBe(policy);
  });
});

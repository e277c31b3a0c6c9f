// Behind TLS termination the request reaching us may say http; with an https APP_URL every cookie we set must
// still be Secure: Auth.js's session and CSRF cookies, and the selected workspace's cookie.
import { beforeAll, describe, expect, it, vi } from "vitest";

beforeAll(() => {
  // Before any module reads the configuration: env.ts parses process.env once, at import.
  vi.stubEnv("APP_URL", "https://switchyard.example");
  vi.resetModules();
});

describe("cookies on an https deployment", () => {
  it("Auth.js sets its cookies Secure with the __Host-/__Secure- names, even for a request that arrived over http", async () => {
    const { handlers } = await import("@/server/auth/config");
    const { NextRequest } = await import("next/server");
    const response = await handlers.GET(new NextRequest("http://10.0.0.5:3000/api/auth/csrf"));
    const cookies = response.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) {
      expect(cookie).toMatch(/^__(Host|Secure)-authjs\./);
      expect(cookie).toMatch(/;\s*Secure/i);
    }
  });

  it("the selected workspace's cookie is Secure and HttpOnly", async () => {
    const { workspaceCookieOptions } = await import("@/server/workspaces/console-session");
    expect(workspaceCookieOptions()).toMatchObject({ secure: true, httpOnly: true, sameSite: "lax" });
  });
});

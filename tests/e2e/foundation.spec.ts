import { expect, test } from "@playwright/test";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { ConsolePage } from "./pages/console-page";
import { api } from "./published-app";

test("a new user signs up, sees the empty Apps page, and invites a teammate who joins the workspace", async ({
  page,
  browser,
}) => {
  const owner = newUser("owner");
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(owner);

  const console = new ConsolePage(page);
  await console.expectAppsEmptyState();
  const workspaceName = `${owner.name}'s workspace`;
  await expect(page.getByText(workspaceName).first()).toBeVisible();

  const link = await console.createInviteLink();

  const teammateContext = await browser.newContext();
  const teammatePage = await teammateContext.newPage();
  const teammate = newUser("teammate");
  await teammatePage.goto(link);
  await expect(teammatePage.getByRole("heading", { name: `Join ${workspaceName}` })).toBeVisible();
  await teammatePage.getByRole("link", { name: "Create an account to join" }).click();
  await new SignUpPage(teammatePage).signUp(teammate);
  await expect(teammatePage.getByRole("heading", { name: `Join ${workspaceName}` })).toBeVisible();
  await teammatePage.getByRole("button", { name: "Accept invite" }).click();
  await expect(teammatePage).toHaveURL(/\/apps$/);
  await expect(teammatePage.getByText(workspaceName).first()).toBeVisible();
  await teammateContext.close();

  await page.reload();
  await console.expectMember(teammate.email);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("nobody@example.test");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password.");
});

test("an owner creates a workspace API key in Settings, sees it once, and it works as a bearer token until revoked", async ({ page, request }) => {
  await new SignUpPage(page).open();
  await new SignUpPage(page).signUp(newUser("keys"));
  await expect(page).toHaveURL(/\/apps$/);
  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("CI deploys");
  await dialog.getByLabel("Role").selectOption("editor");
  await dialog.getByRole("button", { name: "Create key" }).click();
  const key = await dialog.getByLabel("New API key").inputValue();
  expect(key).toMatch(/^sy_/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("list", { name: "API keys" }).getByText("CI deploys")).toBeVisible();
  // The list never shows the key again.
  await expect(page.getByText(key)).toHaveCount(0);

  const listApps = () => request.get("/api/trpc/apps.list", { headers: { authorization: `Bearer ${key}` } });
  expect((await listApps()).status()).toBe(200);
  await page.getByRole("list", { name: "API keys" }).getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("No API keys yet. Create one for scripts and CI.")).toBeVisible();
  const refused = await listApps();
  expect(refused.status(), await refused.text()).toBe(401);
});

test("robots.txt keeps crawlers out of the console and the published endpoints, with the security headers", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  expect(await response.text()).toMatch(/^User-agent: \*\nDisallow: \/$/m);
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  // HSTS only when APP_URL is https; the suite serves plain http on localhost.
  expect(headers["strict-transport-security"]).toBeUndefined();
  const health = await request.get("/api/health");
  expect(health.headers()["content-security-policy"]).toContain("default-src 'none'");
});

test("every page has a per-request nonce CSP without 'unsafe-inline' scripts, and the console runs with no CSP violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(String(error)));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      (window as unknown as { __csp: string[] }).__csp ??= [];
      (window as unknown as { __csp: string[] }).__csp.push(`${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  const cspOf = async (path: string) => {
    const response = await page.goto(path);
    expect(response!.status(), path).toBeLessThan(400);
    const policy = (await response!.allHeaders())["content-security-policy"];
    const scripts = policy.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(scripts, path).toMatch(/'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(scripts, path).not.toContain("unsafe-inline");
    // Next put this request's nonce on every script of the page it rendered (later chunks load by 'strict-dynamic').
    const nonce = /'nonce-([^']+)'/.exec(scripts)![1];
    const tags = (await response!.text()).match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length, path).toBeGreaterThan(0);
    expect(tags.filter((tag) => !tag.includes(`nonce="${nonce}"`)), path).toEqual([]);
    const cspViolations = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
    expect(cspViolations, path).toEqual([]);
    return nonce;
  };

  const first = await cspOf("/sign-in");
  expect(await cspOf("/sign-in")).not.toBe(first);
  await cspOf("/sign-up");
  await new SignUpPage(page).signUp(newUser("csp"));
  await expect(page).toHaveURL(/\/apps$/);
  const app = await api<{ id: string }>(page, "apps.create", { type: "agent", name: "CSP check" });
  for (const path of ["/apps", `/apps/${app.id}`, `/apps/${app.id}/publish`, `/apps/${app.id}/logs`, "/tools", "/settings", "/settings/members", "/settings/model-providers", "/settings/api-keys"]) {
    await cspOf(path);
  }
  // The console still works under the policy: a client-rendered dialog opens and a mutation goes through.
  await page.goto("/settings/members");
  await page.getByRole("button", { name: "Create invite link" }).click();
  await expect(page.getByRole("textbox", { name: "Invite link" })).toHaveValue(/\/invite\//);
  expect(violations).toEqual([]);
});

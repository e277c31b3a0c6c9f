// Sign-in limits against the real `next start`: the address that counts is the one that connected (recorded by the
// hook instrumentation.ts installs), never one the client wrote. Requests leave from chosen loopback addresses
// (127.0.0.x) so each caller has its own real socket address. Sign-up's answer is the same for a known email.
import { expect, test, type Page } from "@playwright/test";
import { request as httpRequest } from "node:http";
import { newUser, SignUpPage } from "./pages/auth-pages";

const port = Number(process.env.E2E_PORT ?? 3210);

function send(from: string, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; location: string; cookies: string[]; text: string }>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path, method: options.method ?? "GET", localAddress: from, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? "", cookies: res.headers["set-cookie"] ?? [], text: Buffer.concat(chunks).toString() }),
      );
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

/** One credentials sign-in through Auth.js from `from`: "signed-in", "wrong" or "rate-limited". */
async function signIn(from: string, email: string, password: string, headers: Record<string, string> = {}) {
  const csrf = await send(from, "/api/auth/csrf");
  const cookie = csrf.cookies.map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = JSON.parse(csrf.text) as { csrfToken: string };
  const body = new URLSearchParams({ email, password, csrfToken, callbackUrl: "/apps" }).toString();
  const answer = await send(from, "/api/auth/callback/credentials", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, ...headers },
    body,
  });
  if (answer.cookies.some((c) => c.includes("session-token="))) return "signed-in";
  return /code=rate_limited/.test(answer.location) ? "rate-limited" : "wrong";
}

async function signUpAndOut(page: Page) {
  const user = newUser("address");
  await new SignUpPage(page).open();
  await new SignUpPage(page).signUp(user);
  await expect(page).toHaveURL(/\/apps$/);
  await page.context().clearCookies();
  return user;
}

test("a spoofed X-Forwarded-For does not escape a sign-in lockout, and the lockout holds only that address", async ({ page }) => {
  const { email, password } = await signUpAndOut(page);
  for (let i = 0; i < 5; i++) expect(await signIn("127.0.0.2", email, `wrong-${i}-password`)).toBe("wrong");
  // Past the account's 1 s backoff, only the per-address lockout can still refuse: so the address was told apart.
  await page.waitForTimeout(1_500);
  expect(await signIn("127.0.0.2", email, password, { "x-forwarded-for": "1.2.3.4", "x-real-ip": "1.2.3.4" })).toBe("rate-limited");
  expect(await signIn("127.0.0.9", email, password)).toBe("signed-in");
});

test("wrong passwords under spoofed addresses still count for the account", async ({ page }) => {
  const { email, password } = await signUpAndOut(page);
  for (let i = 0; i < 12; i++) await signIn("127.0.0.3", email, `wrong-${i}-password`, { "x-forwarded-for": `203.0.113.${i}` });
  expect(await signIn("127.0.0.3", email, password)).toBe("rate-limited");
});

test("an attacker from another address only slows the owner down: the right password works after the delay", async ({ page }) => {
  const { email, password } = await signUpAndOut(page);
  for (let i = 0; i < 5; i++) await signIn("127.0.0.4", email, `wrong-${i}-password`, { "x-forwarded-for": "127.0.0.5" });
  expect(await signIn("127.0.0.5", email, password)).toBe("rate-limited");
  await page.waitForTimeout(1_500);
  expect(await signIn("127.0.0.5", email, password)).toBe("signed-in");
});

test("sign-up shows the same thing for a known email as for a new one, and refuses a common password", async ({ page }) => {
  const known = await signUpAndOut(page);
  const signUp = new SignUpPage(page);
  await signUp.open();
  await page.getByLabel("Email").fill(newUser("weak").email);
  await page.getByLabel("Password").fill("iloveyou");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText(/one of the most common ones/)).toBeVisible();

  const notices: string[] = [];
  for (const email of [newUser("fresh").email, known.email]) {
    await signUp.open();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("another long passphrase");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Sign in to Switchyard" })).toBeVisible();
    notices.push(await page.getByRole("status").innerText());
  }
  expect(notices[0]).toMatch(/Sign in with your email and password/);
  expect(notices[1]).toBe(notices[0]);
});

// A person approving a client in the browser: open the authorization URL a real client produced, sign in if asked,
// press Allow, and land on the client's loopback redirect URI. What arrives there is the authorization response
// (code, state and iss, RFC 9207 §2), read from the address the browser ended on.
import { expect, type Page } from "@playwright/test";
import { ConsentPage } from "../e2e/pages/consent-page";

export async function approveInBrowser(
  page: Page,
  authorizationUrl: URL | string,
  { redirectUri, user }: { redirectUri: string; user?: { email: string; password: string } },
): Promise<URL> {
  const consent = new ConsentPage(page);
  await consent.open(authorizationUrl, user);
  await expect(consent.heading).toBeVisible();
  await consent.allow();
  await page.waitForURL((url) => url.href.startsWith(redirectUri));
  return new URL(page.url());
}

/** A second authorization of the same client by the same person for the same server: no consent page at all. */
export async function expectRememberedConsent(page: Page, authorizationUrl: URL | string, redirectUri: string): Promise<URL> {
  await page.goto(String(authorizationUrl));
  await page.waitForURL((url) => url.href.startsWith(redirectUri));
  return new URL(page.url());
}

/** The authorization response's parameters, failing clearly when it carries an error instead of a code. */
export function authorizationResponse(callback: URL) {
  const error = callback.searchParams.get("error");
  if (error) throw new Error(`authorization failed: ${error} ${callback.searchParams.get("error_description") ?? ""}`);
  return { code: callback.searchParams.get("code")!, state: callback.searchParams.get("state"), iss: callback.searchParams.get("iss") };
}

// Real MCP clients against a published server in "Switchyard sign-in" mode, each driven headlessly while a person
// signs in and approves in the browser: the MCP SDK client's own OAuth flow with dynamic client registration
// (RFC 7591), and the same with a client ID metadata document served over https. Each then lists and calls the tool.
import { auth } from "@modelcontextprotocol/sdk/client/auth.js";
import { expect, test } from "@playwright/test";
import { readE2eTls } from "../../scripts/e2e-tls";
import { startCimdServer, type CimdServer } from "../support/cimd-server";
import { expectRememberedConsent } from "../support/oauth-browser";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { startLoopbackCallback, type LoopbackCallback } from "../support/loopback-callback";
import { TestOAuthProvider } from "../support/test-oauth-provider";
import { ConsentPage } from "./pages/consent-page";
import { PublishPage } from "./pages/publish-page";
import { docsScreenshot } from "./screenshot";
import { callForecast, connectWithSignIn, pingWithToken, signInServer, toolName } from "./sign-in-server";

let llm: ScriptedLlm;
let loopback: LoopbackCallback;
test.beforeAll(async () => {
  llm = await startScriptedLlm({ fallback: { text: "Fine weather in Oslo." }, keepRequests: false });
  loopback = await startLoopbackCallback();
});
test.afterAll(() => Promise.all([llm.close(), loopback.close()]));

test("the MCP SDK client registers itself, a member signs in and allows it, and it lists and calls the tool", async ({ page, browser, baseURL }) => {
  const { url, user } = await signInServer(page, llm);
  // The person approves in a browser of their own, not yet signed in: sign-in first, then back to the consent page.
  const browserOfThePerson = await browser.newPage();
  const provider = new TestOAuthProvider({ redirectUri: loopback.redirectUri, clientName: "SDK test client" });
  const { client, authorizationUrl, response } = await connectWithSignIn({ page: browserOfThePerson, url, provider, user });
  try {
    // What the SDK sent: PKCE S256 and the endpoint as the resource (RFC 8707); a client_id from registration.
    expect(authorizationUrl.origin).toBe(baseURL);
    expect(authorizationUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(authorizationUrl.searchParams.get("resource")).toBe(url);
    expect((await provider.clientInformation())?.client_id).not.toMatch(/^https:/);
    // RFC 9207: the authorization response names its issuer.
    expect(response.iss).toBe(baseURL);
    expect(provider.tokens()?.refresh_token, "a refresh token without asking for offline_access").toBeTruthy();

    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name)).toEqual([toolName]);
    expect((await callForecast(client)).answer).toBe("Fine weather in Oslo.");
  } finally {
    await client.close();
  }

  // The same client, the same person, the same server: consent is remembered and the page is skipped.
  provider.invalidateCredentials("tokens");
  expect(await auth(provider, { serverUrl: url })).toBe("REDIRECT");
  const again = await expectRememberedConsent(browserOfThePerson, await provider.authorizationUrl(), loopback.redirectUri);
  expect(again.searchParams.get("code")).toBeTruthy();
  expect(await auth(provider, { serverUrl: url, authorizationCode: again.searchParams.get("code")! })).toBe("AUTHORIZED");
  await browserOfThePerson.close();
});

test("the MCP Server tab lists the connected client, and Revoke there stops it at its next call", async ({ page }) => {
  const { appId, url, user } = await signInServer(page, llm, "Trip Planner");
  const provider = new TestOAuthProvider({ redirectUri: loopback.redirectUri, clientName: "Weather CLI" });
  expect(await auth(provider, { serverUrl: url })).toBe("REDIRECT");
  const consent = new ConsentPage(page);
  await consent.open(await provider.authorizationUrl());
  await expect(consent.heading).toHaveText("Allow Weather CLI to use Trip Planner?");
  // A redirect host no one in the workspace has approved before: the page says so.
  await expect(page.getByRole("note")).toContainText("127.0.0.1");
  await docsScreenshot(page, "oauth-consent.png");
  await consent.allow();
  await page.waitForURL((address) => address.href.startsWith(loopback.redirectUri));
  expect(await auth(provider, { serverUrl: url, authorizationCode: new URL(page.url()).searchParams.get("code")! })).toBe("AUTHORIZED");
  const token = provider.tokens()!.access_token;
  expect((await pingWithToken(url, token)).status).toBe(200);

  await new PublishPage(page).open(appId);
  const clients = page.getByRole("list", { name: "Connected clients" });
  await expect(clients.getByRole("listitem")).toHaveCount(1);
  await expect(clients.getByRole("listitem")).toContainText(`Weather CLI · ${user.name}`);
  await clients.getByRole("heading", { name: "Connected clients" }).or(page.getByRole("heading", { name: "Connected clients" })).first().scrollIntoViewIfNeeded();
  await docsScreenshot(page, "oauth-connected-clients.png");
  await clients.getByRole("button", { name: "Revoke" }).click();
  const confirm = page.getByRole("alertdialog", { name: `Revoke Weather CLI for ${user.name}?` });
  await confirm.getByRole("button", { name: "Revoke access" }).click();
  await expect(page.getByText("No client connected yet")).toBeVisible();
  expect((await pingWithToken(url, token)).status).toBe(401);
});

test.describe("a client ID metadata document", () => {
  let cimd: CimdServer;
  test.beforeAll(async ({ baseURL }) => {
    const tls = readE2eTls(new URL(baseURL!).port);
    cimd = await startCimdServer({ tls, clientName: "Metadata document client", redirectUris: [loopback.redirectUri] });
  });
  test.afterAll(() => cimd.close());

  test("a client whose client_id is an https URL is approved by name and lists and calls the tool", async ({ page }) => {
    const { url } = await signInServer(page, llm);
    const provider = new TestOAuthProvider({ redirectUri: loopback.redirectUri, clientName: "ignored: the document names it", clientMetadataUrl: cimd.clientId });
    // The publisher is signed in on `page` already: straight to the consent page.
    const { client, authorizationUrl } = await connectWithSignIn({ page, url, provider });
    try {
      expect(authorizationUrl.searchParams.get("client_id")).toBe(cimd.clientId);
      expect((await provider.clientInformation())?.client_id).toBe(cimd.clientId);
      expect(cimd.fetches(), "the authorization server read the document").toBeGreaterThan(0);
      expect((await client.listTools()).tools.map((t) => t.name)).toEqual([toolName]);
      expect((await callForecast(client)).answer).toBe("Fine weather in Oslo.");
    } finally {
      await client.close();
    }
  });

  test("the consent page shows the document's client name", async ({ page }) => {
    const { url } = await signInServer(page, llm);
    const provider = new TestOAuthProvider({ redirectUri: loopback.redirectUri, clientName: "ignored", clientMetadataUrl: cimd.clientId });
    expect(await auth(provider, { serverUrl: url })).toBe("REDIRECT");
    const consent = new ConsentPage(page);
    await consent.open(await provider.authorizationUrl());
    await expect(consent.heading).toContainText("Metadata document client");
  });
});

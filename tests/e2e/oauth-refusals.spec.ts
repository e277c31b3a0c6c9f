// What a sign-in server refuses, with real tokens from the MCP SDK client's own flow: a token for another endpoint
// (RFC 8707 audience; no passthrough), a revoked grant at the very next call, a replayed refresh token (RFC 9700
// §4.14.2: the whole grant goes), a denial, and a person who is not a member (a clear page, no grant).
import { auth } from "@modelcontextprotocol/sdk/client/auth.js";
import { expect, test, type Page } from "@playwright/test";
import { authorizationResponse } from "../support/oauth-browser";
import { startLoopbackCallback, type LoopbackCallback } from "../support/loopback-callback";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { TestOAuthProvider } from "../support/test-oauth-provider";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { ConsentPage } from "./pages/consent-page";
import { api, query } from "./published-app";
import { callForecast, connectWithSignIn, pingWithToken, secondSignInServer, signInServer } from "./sign-in-server";

let llm: ScriptedLlm;
let loopback: LoopbackCallback;
test.beforeAll(async () => {
  llm = await startScriptedLlm({ fallback: { text: "Snow." }, keepRequests: false });
  loopback = await startLoopbackCallback();
});
test.afterAll(() => Promise.all([llm.close(), loopback.close()]));

const newProvider = (clientName = "Refusals client") => new TestOAuthProvider({ redirectUri: loopback.redirectUri, clientName });

async function tokenEndpoint(page: Page) {
  const metadata = await (await page.request.get("/.well-known/oauth-authorization-server")).json();
  return metadata.token_endpoint as string;
}

/** A refresh_token grant as any public client sends it (RFC 6749 §6), with the resource it was issued for. */
function refresh(endpoint: string, { refreshToken, clientId, resource }: { refreshToken: string; clientId: string; resource: string }) {
  return fetch(endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
    body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId, resource }),
  });
}

test("a token issued for one server is refused by another server of the same workspace, even for the same person", async ({ page }) => {
  const first = await signInServer(page, llm);
  const second = await secondSignInServer(page, first.appId);
  const provider = newProvider();
  const { client } = await connectWithSignIn({ page, url: first.url, provider });
  await client.close();
  const token = provider.tokens()!.access_token;
  expect((await pingWithToken(first.url, token)).status).toBe(200);
  const refused = await pingWithToken(second.url, token);
  expect(refused.status).toBe(401);
  expect(refused.headers.get("www-authenticate")).toMatch(/resource_metadata="[^"]+\/\.well-known\/oauth-protected-resource\/mcp\/server\//);
});

test("a grant revoked on the MCP Server tab stops the client at its very next call", async ({ page }) => {
  const { appId, url } = await signInServer(page, llm);
  const provider = newProvider("Soon revoked");
  const { client } = await connectWithSignIn({ page, url, provider });
  try {
    expect((await callForecast(client)).answer).toBe("Snow.");
    const grants = await query<Array<{ grantId: string; clientName: string }>>(page, "publishedServers.listGrants", { appId });
    expect(grants.map((g) => g.clientName)).toEqual(["Soon revoked"]);
    await api(page, "publishedServers.revokeGrant", { appId, grantId: grants[0]!.grantId });

    expect((await pingWithToken(url, provider.tokens()!.access_token)).status).toBe(401);
    // The client's own retry (refresh, then a new authorization) gets nowhere without the person.
    await expect(client.callTool({ name: "forecast", arguments: { query: "Again?", city: "Oslo" } })).rejects.toThrow();
    expect(await query(page, "publishedServers.listGrants", { appId })).toEqual([]);
  } finally {
    await client.close();
  }
});

test("a refresh token used twice revokes the grant: the tokens from the first use stop working too", async ({ page }) => {
  const { url } = await signInServer(page, llm);
  const provider = newProvider("Replayer");
  const { client } = await connectWithSignIn({ page, url, provider });
  await client.close();
  const endpoint = await tokenEndpoint(page);
  const clientId = (await provider.clientInformation())!.client_id;
  const original = provider.tokens()!.refresh_token!;

  const rotated = await refresh(endpoint, { refreshToken: original, clientId, resource: url });
  expect(rotated.status, await rotated.clone().text()).toBe(200);
  const fresh = (await rotated.json()) as { access_token: string; refresh_token: string };
  expect(fresh.refresh_token, "refresh tokens rotate").not.toBe(original);
  expect((await pingWithToken(url, fresh.access_token)).status).toBe(200);

  const replayed = await refresh(endpoint, { refreshToken: original, clientId, resource: url });
  expect(replayed.status).toBe(400);
  expect((await replayed.json()).error).toBe("invalid_grant");
  expect((await pingWithToken(url, fresh.access_token)).status).toBe(401);
  expect((await refresh(endpoint, { refreshToken: fresh.refresh_token, clientId, resource: url })).status).toBe(400);
});

test("Deny sends the client back with access_denied and the issuer, and grants nothing", async ({ page, baseURL }) => {
  const { appId, url } = await signInServer(page, llm);
  const provider = newProvider("Denied client");
  expect(await auth(provider, { serverUrl: url })).toBe("REDIRECT");
  const consent = new ConsentPage(page);
  await consent.open(await provider.authorizationUrl());
  await consent.deny();
  await page.waitForURL((address) => address.href.startsWith(loopback.redirectUri));
  const callback = new URL(page.url());
  expect(callback.searchParams.get("error")).toBe("access_denied");
  expect(callback.searchParams.get("iss")).toBe(baseURL);
  expect(() => authorizationResponse(callback)).toThrow(/access_denied/);
  await page.goto("/apps");
  expect(await query(page, "publishedServers.listGrants", { appId })).toEqual([]);
});

test("someone who is not a member of the workspace signs in and is refused with a clear page", async ({ page, browser }) => {
  const { appId, url } = await signInServer(page, llm);
  const provider = newProvider("Outsider's client");
  expect(await auth(provider, { serverUrl: url })).toBe("REDIRECT");
  const authorizationUrl = await provider.authorizationUrl();

  const outsiderPage = await browser.newPage();
  const outsider = newUser("outsider");
  await new SignUpPage(outsiderPage).open();
  await new SignUpPage(outsiderPage).submit(outsider);
  await expect(outsiderPage.getByRole("heading", { name: "Sign in to Switchyard" })).toBeVisible();
  const consent = new ConsentPage(outsiderPage);
  await consent.open(authorizationUrl, outsider);
  await expect(consent.refusal).toBeVisible();
  await expect(outsiderPage.getByRole("button", { name: "Allow", exact: true })).toHaveCount(0);
  await outsiderPage.close();
  expect(await query(page, "publishedServers.listGrants", { appId })).toEqual([]);
});

// Switchyard as the authorization server on two `next start` instances sharing PostgreSQL and Redis (the e2e server
// starts the second on the next port when both are configured): an authorization that starts on one instance
// finishes on the other (consent and token), and a grant revoked on one is refused by the other at its next call.
import { auth } from "@modelcontextprotocol/sdk/client/auth.js";
import { expect, test } from "@playwright/test";
import { startLoopbackCallback, type LoopbackCallback } from "../support/loopback-callback";
import { authorizationResponse } from "../support/oauth-browser";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { TestOAuthProvider } from "../support/test-oauth-provider";
import { ConsentPage } from "./pages/consent-page";
import { api, onSecondInstance, query, scaledOut } from "./published-app";
import { pingWithToken, signInServer } from "./sign-in-server";

let llm: ScriptedLlm;
let loopback: LoopbackCallback;
test.beforeAll(async () => {
  llm = await startScriptedLlm({ fallback: { text: "Clear skies." }, keepRequests: false });
  loopback = await startLoopbackCallback();
});
test.afterAll(() => Promise.all([llm.close(), loopback.close()]));

if (scaledOut) {
  test("an authorization started on one instance is approved and exchanged on the other; a revocation on one holds on the other", async ({ page, baseURL }) => {
    const { appId, url } = await signInServer(page, llm);
    const consoleUrl = page.url();
    const second = onSecondInstance(`${baseURL}/`).replace(/\/$/, "");
    // Every request the client makes to the authorization server goes to the second instance.
    const toSecond: typeof fetch = (input, init) => fetch(String(input instanceof Request ? input.url : input).replace(baseURL!, second), init);

    const provider = new TestOAuthProvider({ redirectUri: loopback.redirectUri, clientName: "Two-instance client" });
    expect(await auth(provider, { serverUrl: url })).toBe("REDIRECT");
    // The authorize request on the first instance: it starts the interaction and sends the browser to consent.
    await page.goto(String(await provider.authorizationUrl()));
    await page.waitForURL(/\/oauth\/consent\//);
    const consentOnFirst = new URL(page.url());
    expect(consentOnFirst.origin).toBe(baseURL);
    // The consent page on the second instance: the interaction it continues lives in PostgreSQL, not in memory.
    await page.goto(`${second}${consentOnFirst.pathname}${consentOnFirst.search}`);
    const consent = new ConsentPage(page);
    await expect(consent.heading).toContainText("Two-instance client");
    await consent.allow();
    await page.waitForURL((address) => address.href.startsWith(loopback.redirectUri));
    const { code, iss } = authorizationResponse(new URL(page.url()));
    expect(iss).toBe(baseURL);
    // The code exchanged at the second instance's token endpoint.
    expect(await auth(provider, { serverUrl: url, authorizationCode: code, fetchFn: toSecond })).toBe("AUTHORIZED");
    const token = provider.tokens()!.access_token;
    expect((await pingWithToken(url, token)).status).toBe(200);
    expect((await pingWithToken(onSecondInstance(url), token)).status).toBe(200);

    // Revoked through the first instance's console: the second refuses at its next call (it has just served one).
    await page.goto(consoleUrl);
    const grants = await query<Array<{ grantId: string }>>(page, "publishedServers.listGrants", { appId });
    expect(grants).toHaveLength(1);
    await api(page, "publishedServers.revokeGrant", { appId, grantId: grants[0]!.grantId });
    expect((await pingWithToken(onSecondInstance(url), token)).status).toBe(401);
    expect((await pingWithToken(url, token)).status).toBe(401);
  });
}

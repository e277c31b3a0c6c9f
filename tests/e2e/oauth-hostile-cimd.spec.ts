// Hostile client ID metadata documents against the running app: the authorization server fetches each client_id
// URL through the SSRF guard with size and time limits (MCP authorization 2025-11-25, "Client ID Metadata
// Documents"). Every one gets a clear 4xx page in good time, never a 5xx; markup in a name stays text and can be
// approved; a NUL in a name (which nothing could store) is refused before consent.
import { createHash, randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { readE2eTls } from "../../scripts/e2e-tls";
import { startHostileCimdServer } from "../support/hostile-cimd-server";
import { startLoopbackCallback, type LoopbackCallback } from "../support/loopback-callback";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { ConsentPage } from "./pages/consent-page";
import { signInServer } from "./sign-in-server";

let llm: ScriptedLlm;
let loopback: LoopbackCallback;
let hostile: Awaited<ReturnType<typeof startHostileCimdServer>>;
test.beforeAll(async ({ baseURL }) => {
  llm = await startScriptedLlm({ fallback: { text: "Fog." }, keepRequests: false });
  loopback = await startLoopbackCallback();
  hostile = await startHostileCimdServer({ tls: readE2eTls(new URL(baseURL!).port), redirectUri: loopback.redirectUri });
});
test.afterAll(() => Promise.all([llm.close(), loopback.close(), hostile.close()]));

function authorizeUrl(baseURL: string, { clientId, resource }: { clientId: string; resource: string }) {
  const challenge = createHash("sha256").update(randomBytes(32).toString("base64url")).digest("base64url");
  const query = new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: loopback.redirectUri, code_challenge: challenge, code_challenge_method: "S256", resource, scope: "mcp", state: "st" });
  return `${baseURL}/oauth/authorize?${query}`;
}

test("every hostile metadata document is answered with a 4xx or a consent step in good time, never a 5xx", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const { url } = await signInServer(page, llm);
  const outcomes: Record<string, string> = {};
  for (const { name, clientId } of hostile.clients) {
    const started = Date.now();
    const answer = await page.request.get(authorizeUrl(baseURL!, { clientId, resource: url }), { maxRedirects: 0 });
    const seconds = (Date.now() - started) / 1000;
    const location = answer.headers().location ?? "";
    outcomes[name] = `${answer.status()}${location.includes("/oauth/consent/") ? " consent" : ""}`;
    expect(answer.status(), `${name}: ${(await answer.text()).slice(0, 200)}`).toBeLessThan(500);
    expect(seconds, `${name} took ${seconds}s`).toBeLessThan(8);
    expect(await answer.text(), name).not.toMatch(/\n\s+at |node_modules|ECONNREFUSED|undici/);
  }
  // The ones a client could not legitimately serve never reach consent.
  for (const name of ["five megabytes", "ten seconds to answer", "not JSON", "a JSON array", "another client's id", "a javascript: redirect URI", "a redirect URI on plain http elsewhere", "a 404", "a 500", "a redirect to another document", "a NUL in its name"]) {
    expect(outcomes[name], name).not.toMatch(/consent/);
  }
});

test("a client with markup in its name is shown as text on the consent page and, allowed, gets a code", async ({ page, baseURL }) => {
  const { url } = await signInServer(page, llm);
  const { clientId } = hostile.clients.find((c) => c.name === "markup in its name")!;
  const consent = new ConsentPage(page);
  let dialogs = 0;
  page.on("dialog", (dialog) => {
    dialogs++;
    void dialog.dismiss();
  });
  await consent.open(authorizeUrl(baseURL!, { clientId, resource: url }));
  await expect(consent.heading).toContainText("<img src=x onerror=alert(1)>Markup");
  await consent.allow();
  await page.waitForURL((address) => address.href.startsWith(loopback.redirectUri));
  expect(new URL(page.url()).searchParams.get("code")).toBeTruthy();
  expect(dialogs).toBe(0);
});

// Once allowed, such a name could be stored nowhere (PostgreSQL text holds no NUL): Allow failed and left the person
// on the consent page. The document is refused before consent instead.
test("a client whose name holds a NUL is refused before consent with a clear page", async ({ page, baseURL }) => {
  const { url } = await signInServer(page, llm);
  const { clientId } = hostile.clients.find((c) => c.name === "a NUL in its name")!;
  await page.goto(authorizeUrl(baseURL!, { clientId, resource: url }));
  await expect(page.getByRole("heading", { name: "Sign-in could not start" })).toBeVisible();
  expect(page.url()).not.toMatch(/\/oauth\/consent\//);
});

import { expect, test } from "@playwright/test";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { runConnectCheck } from "./pages/connect-check";
import { OauthClientsPage } from "./pages/oauth-clients-page";
import { PublishPage } from "./pages/publish-page";
import { api, chatApp } from "./published-app";

let llm: ScriptedLlm;
test.beforeAll(async () => {
  llm = await startScriptedLlm();
});
test.afterAll(() => llm.close());

test("an owner registers a confidential OAuth client, sees its secret once, and deletes it", async ({ page }) => {
  await new SignUpPage(page).open();
  await new SignUpPage(page).signUp(newUser("oauth-admin"));
  await expect(page).toHaveURL(/\/apps$/);
  const clients = new OauthClientsPage(page);
  await clients.open();
  await expect(page.getByText("No OAuth clients yet.")).toBeVisible();

  // A refused redirect URI says which and why, and nothing is created.
  let dialog = await clients.register({ name: "ChatGPT (Acme)", redirectUris: ["http://chatgpt.example/cb"], type: "Confidential: secret in the Authorization header" });
  await expect(dialog.getByText("http://chatgpt.example/cb: http redirect URIs are allowed only for loopback")).toBeVisible();
  await dialog.getByLabel("Redirect URIs").fill("https://chatgpt.com/connector_platform_oauth_redirect");
  await dialog.getByRole("button", { name: "Create client" }).click();

  dialog = page.getByRole("dialog", { name: "Copy the client secret" });
  await expect(dialog.getByText("This is the only time the secret is shown")).toBeVisible();
  const clientId = await dialog.getByRole("textbox", { name: "Client ID" }).inputValue();
  const secret = await dialog.getByRole("textbox", { name: "Client secret" }).inputValue();
  expect(clientId).toMatch(/^sy_client_/);
  expect(secret).toMatch(/^sy_secret_/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();

  const row = clients.list().getByRole("listitem").filter({ hasText: "ChatGPT (Acme)" });
  await expect(row).toContainText(clientId);
  await expect(row).toContainText("https://chatgpt.com/connector_platform_oauth_redirect");
  await expect(row).toContainText("Confidential");
  // Shown once: neither the list nor a reload shows the secret again.
  await page.reload();
  await expect(clients.list()).toContainText(clientId);
  expect(await page.content()).not.toContain(secret);

  await clients.delete("ChatGPT (Acme)");
  await expect(page.getByText("No OAuth clients yet.")).toBeVisible();
});

test("Will it connect? fails the localhost APP_URL with its fix and passes the rest, in URL and in sign-in mode", async ({ page }) => {
  const app = await chatApp(page, llm, "Trip Planner");
  await api(page, "apps.publish", { id: app.id });
  await api(page, "publishedServers.enable", { appId: app.id, toolName: "trip_planner", toolDescription: "Plans a trip.", parameterDescriptions: { city: "The city." } });
  await new PublishPage(page).open(app.id);

  const check = await runConnectCheck(page);
  await expect(page.getByRole("status").filter({ hasText: "1 of 7 checks failed." })).toBeVisible();
  await expect(check("APP_URL is public and https")).toContainText("Failed");
  await expect(check("APP_URL is public and https")).toContainText("cannot reach localhost");
  await expect(check("APP_URL is public and https")).toContainText("Fix: Set APP_URL to a public https address");
  await expect(check("Access mode works with Claude and ChatGPT")).toContainText("Passed");
  await expect(check("Tool name is valid")).toContainText("Passed");
  await expect(check("Authorization server metadata (RFC 8414)")).toContainText("Not needed");

  // Run again: the same verdicts, fetched anew.
  const again = page.waitForResponse((r) => r.url().includes("publishedServers.checkConnect"));
  await page.getByRole("button", { name: "Run again" }).click();
  expect((await again).ok()).toBe(true);
  await expect(check("APP_URL is public and https")).toContainText("Failed");

  // In sign-in mode the authorization server's own metadata is checked, and the registration Claude and ChatGPT make.
  await api(page, "publishedServers.setAccess", { appId: app.id, mode: "sign_in" });
  await page.reload();
  const signIn = await runConnectCheck(page);
  await expect(signIn("Protected resource metadata (RFC 9728)")).toContainText("Passed");
  await expect(signIn("Authorization server metadata (RFC 8414)")).toContainText("Passed");
  await expect(signIn("CORS preflight for browser clients")).toContainText("Passed");
  await expect(signIn("Claude and ChatGPT can register")).toContainText("Passed");
  await expect(signIn("Access mode works with Claude and ChatGPT")).toContainText("Passed");
});

// Issue 23, the forms part: what a person sees in sign-up, Members, the input form editor, Add a model provider and
// Add MCP server with OAuth. Expected outcomes (needs authorization, a provider that cannot list models) are answers:
// the browser console stays free of errors on those flows.
import { expect, test, type Page } from "@playwright/test";
import { startTestAuthServer, type TestAuthServer } from "../support/oauth-server";
import { startProtectedMcpServer, type ProtectedMcpServer } from "../support/protected-mcp-server";
import { AppEditorPage } from "./pages/app-editor-page";
import { AppsPage } from "./pages/apps-page";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { ConsolePage } from "./pages/console-page";
import { ModelProvidersPage } from "./pages/model-providers-page";
import { ToolsPage } from "./pages/tools-page";

let as: TestAuthServer;
let mcp: ProtectedMcpServer;
test.beforeAll(async () => {
  as = await startTestAuthServer();
  mcp = await startProtectedMcpServer({ issuer: as.issuer, jwks: as.jwks });
});
test.afterAll(async () => {
  await Promise.all([as?.close(), mcp?.close()]);
});

/** Every console error of the page ("Failed to load resource: 400" included), as text. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${message.text()} (${message.location().url})`);
  });
  return errors;
}

async function signedIn(page: Page, label: string) {
  const user = newUser(label);
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(user);
  await expect(page).toHaveURL(/\/apps$/);
  return user;
}

test("sign-up keeps the name, email and password after the server refuses the form", async ({ page }) => {
  const signUp = new SignUpPage(page);
  await signUp.open();
  const user = { ...newUser("kept"), password: "short" };
  await signUp.submit(user);
  await expect(page.getByText(/at least 8 characters/i).first()).toBeVisible();
  await expect(page.getByLabel("Name")).toHaveValue(user.name);
  await expect(page.getByLabel("Email")).toHaveValue(user.email);
  await expect(page.getByLabel("Password")).toHaveValue(user.password);
});

test("the sole owner is offered neither Remove nor a role change on themselves, and is told why", async ({ page }) => {
  const errors = consoleErrors(page);
  const user = await signedIn(page, "owner");
  const console = new ConsolePage(page);
  await console.openSettings("Members");
  const row = console.memberRow(user.email);
  await expect(row.getByText("Owner", { exact: true })).toBeVisible();
  await expect(row.getByText(/Only owner/)).toBeVisible();
  await expect(row.getByRole("button", { name: "Remove" })).toHaveCount(0);
  await expect(row.getByRole("combobox")).toHaveCount(0);
  expect(errors).toEqual([]);
});

test("every control of an input-field row has a visible label, at phone width too", async ({ page }) => {
  await signedIn(page, "labels");
  await new AppsPage(page).create({ type: "Agent", name: "Labelled" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByRole("button", { name: "Add input field" }).click();
  const field = new AppEditorPage(page).inputField("Field 1");
  for (const name of ["Label", "Key", "Type", "Description", "Default value", "Maximum length"]) {
    const label = field.locator("label").filter({ hasText: new RegExp(`^${name}`) }).first();
    await expect(label, name).toBeVisible();
    const box = (await label.boundingBox())!;
    expect(box.x + box.width, `${name} fits the screen`).toBeLessThanOrEqual(390);
  }
  await expect(field.getByRole("textbox", { name: "Key" })).toHaveValue("field_1");
  await expect(field.getByRole("combobox", { name: "Type" })).toHaveValue("text");
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
});

test("a provider that cannot be reached is tested before saving and saved only through Save anyway", async ({ page }) => {
  const errors = consoleErrors(page);
  await signedIn(page, "provider");
  const providers = new ModelProvidersPage(page);
  await providers.open();
  // Port 9 (discard) refuses connections on the test machine.
  const dialog = await providers.submitOpenAiCompatible({ name: "Unreachable", baseUrl: "http://127.0.0.1:9/v1", apiKey: "sk-e2e" });
  const alert = dialog.getByRole("alert");
  await expect(alert).toContainText("The test before saving failed");
  await expect(alert).toContainText("Could not reach 127.0.0.1:9");
  await expect(dialog).toBeVisible();
  await expect(providers.provider("Unreachable")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Save anyway" }).click();
  await expect(dialog).toBeHidden();
  await expect(providers.provider("Unreachable")).toBeVisible();
  // Fetching its models fails as expected: a warning, not an HTTP error.
  await expect(page.getByText("Unreachable added, but its models could not be fetched")).toBeVisible({ timeout: 20_000 });
  expect(errors).toEqual([]);
});

test("an OAuth server is named as such, added and authorized from the dialog; Deny closes the popup and keeps Needs authorization", async ({ page, baseURL }) => {
  const errors = consoleErrors(page);
  await signedIn(page, "oauthform");
  const tools = new ToolsPage(page);
  await tools.open();
  await tools.startAdding({ url: mcp.url, name: "Declined tools" });
  const status = await tools.testConnectionOfOAuthServer();
  await expect(status).toHaveText(/This server uses OAuth/);
  await expect(tools.addDialog.getByText("The connection failed.")).toHaveCount(0);
  await expect(tools.addDialog.getByText(/Check its headers or authorization/)).toHaveCount(0);

  const popup = await tools.addAndAuthorize();
  const popupErrors: string[] = [];
  popup.on("console", (m) => m.type() === "error" && `${m.location().url} ${m.text()}`.includes(baseURL!) && popupErrors.push(m.text()));
  popup.on("response", (r) => r.url().startsWith(baseURL!) && r.status() >= 400 && popupErrors.push(`${r.status()} ${r.url()}`));
  const closed = popup.waitForEvent("close", { timeout: 20_000 });
  await popup.getByRole("button", { name: "Deny" }).click();
  await closed;

  await expect(page.getByText("Authorization declined")).toBeVisible();
  const card = tools.card("Declined tools");
  await expect(card.getByText("Needs authorization")).toBeVisible();
  await expect(card.getByText("Error", { exact: true })).toHaveCount(0);
  await expect(card.getByRole("button", { name: "Authorize Declined tools" })).toBeVisible();
  expect(popupErrors).toEqual([]);
  expect(errors).toEqual([]);
});

test("a server's card shows a renewed token without a reload", async ({ page }) => {
  const errors = consoleErrors(page);
  await signedIn(page, "renewal");
  const tools = new ToolsPage(page);
  await tools.open();
  as.setAccessTokenTtl(3);
  try {
    await tools.startAdding({ url: mcp.url, name: "Renewing" });
    await tools.save();
    await tools.authorizeInPopup("Renewing");
  } finally {
    as.setAccessTokenTtl(300);
  }
  const card = tools.card("Renewing");
  await expect(card.getByText(/token expired/)).toBeVisible({ timeout: 15_000 });
  const drawer = await tools.openServer("Renewing");
  await tools.tryTool(drawer, "echo", { label: "text", value: "renew" });
  await page.keyboard.press("Escape");
  await expect(card.getByText(/Authorized · token expires in [45] minutes · renews automatically/)).toBeVisible();
  expect(errors).toEqual([]);
});

test("an agent sets its own description of a tool for the model, kept with the draft", async ({ page }) => {
  const errors = consoleErrors(page);
  await signedIn(page, "tooldesc");
  const tools = new ToolsPage(page);
  await tools.open();
  await tools.startAdding({ url: mcp.url, name: "Described" });
  await tools.save();
  await tools.authorizeInPopup("Described");
  const apps = new AppsPage(page);
  await apps.open();
  await apps.create({ type: "Agent", name: "Describer" });
  const editor = new AppEditorPage(page);
  await editor.addAllToolsOf("Described");
  await editor.setToolDescription("echo", "Repeat the customer's words back, exactly.");
  await editor.expectSaved();
  await page.reload();
  const row = page.getByRole("list", { name: "Agent tools" }).getByRole("listitem").filter({ hasText: /^echo/ });
  await expect(row.getByText("Repeat the customer's words back, exactly.")).toBeVisible();
  await expect(row.getByText("Own description")).toBeVisible();
  expect(errors).toEqual([]);
});

test("an edit made while an earlier save is still on its way is the one kept, and Saved waits for it", async ({ page }) => {
  await signedIn(page, "draftorder");
  const apps = new AppsPage(page);
  await apps.open();
  await apps.create({ type: "Chat", name: "Ordered saves" });
  const editor = new AppEditorPage(page);
  // The first save is held back for 2 s; the second edit is saved while it waits.
  let held = false;
  await page.route(/\/api\/trpc\/[^?]*apps\.updateDraft/, async (route) => {
    if (!held) {
      held = true;
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    }
    await route.continue();
  });
  await editor.setInstructions("First instructions.");
  await page.waitForTimeout(900);
  await editor.setInstructions("Second instructions, the newest.");
  await expect(page.getByText("Saving…")).toBeVisible();
  await editor.expectSaved();
  // Long enough for the held save to reach the server: it must not overwrite the newer draft.
  await page.waitForTimeout(2_500);
  await page.unroute(/\/api\/trpc\/[^?]*apps\.updateDraft/);
  await page.reload();
  await expect(page.getByLabel("Instructions")).toHaveValue("Second instructions, the newest.");
});

test("a save that finishes while a newer edit waits to be sent does not say Saved", async ({ page }) => {
  await signedIn(page, "draftpending");
  const apps = new AppsPage(page);
  await apps.open();
  await apps.create({ type: "Chat", name: "Pending edit" });
  const editor = new AppEditorPage(page);
  // The first save waits until the second edit is typed; it then finishes inside the second edit's debounce.
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const sent: string[] = [];
  let finished = 0;
  await page.route(/\/api\/trpc\/[^?]*apps\.updateDraft/, async (route) => {
    sent.push(route.request().postData() ?? "");
    if (sent.length === 1) await released;
    const response = await route.fetch();
    finished++;
    await route.fulfill({ response });
  });
  await editor.setInstructions("First instructions.");
  await expect.poll(() => sent.length).toBe(1);
  await editor.setInstructions("Second instructions, not yet sent.");
  release();
  await editor.expectSaved();
  expect(finished).toBe(2);
  expect(sent[1]).toContain("Second instructions, not yet sent.");
  await page.unroute(/\/api\/trpc\/[^?]*apps\.updateDraft/);
  await page.reload();
  await expect(page.getByLabel("Instructions")).toHaveValue("Second instructions, not yet sent.");
});

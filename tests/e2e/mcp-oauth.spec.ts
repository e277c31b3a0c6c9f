// OAuth for external MCP servers in chromium: add a server behind a real authorization server (oidc-provider),
// authorize on its consent page in a popup and see the tools; then the same with popups blocked (full-page redirect).
import { expect, test, type Page } from "@playwright/test";
import { startScriptedLlm } from "../support/scripted-llm";
import { AppEditorPage } from "./pages/app-editor-page";
import { AppsPage } from "./pages/apps-page";
import { ModelProvidersPage } from "./pages/model-providers-page";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { ToolsPage } from "./pages/tools-page";
import { usePeers } from "./peers";
import { startSignedInMcpServer } from "./start-signed-in-mcp-server";

const peers = usePeers({ mcp: startSignedInMcpServer, llm: startScriptedLlm });

async function addProtectedServer(page: Page, name: string) {
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(newUser("oauth"));
  const tools = new ToolsPage(page);
  await tools.open();
  await tools.startAdding({ url: peers.mcp.url, name });
  await tools.save();
  const card = tools.card(name);
  await expect(card.getByText("Needs authorization")).toBeVisible();
  return { tools, card };
}

test("a server behind OAuth is authorized in a popup on the authorization server's consent page, then lists its tools", async ({ page }) => {
  const { tools, card } = await addProtectedServer(page, "Protected tools");
  await tools.authorizeInPopup("Protected tools");
  await expect(card.getByText("2 tools")).toBeVisible();
  await expect(card.getByText(/Authorized · token expires/)).toBeVisible();
});

test("with popups blocked, authorization runs as a full-page redirect and returns to the server's sheet", async ({ page }) => {
  // As a popup blocker or a mobile browser would: window.open gives nothing back.
  await page.addInitScript(() => {
    window.open = () => null;
  });
  const { card } = await addProtectedServer(page, "Redirect tools");
  await card.getByRole("button", { name: "Authorize Redirect tools" }).click();
  await expect(page.getByRole("heading", { name: /^Allow .+ to use your tools\?$/ })).toBeVisible({ timeout: 20_000 });
  await page.getByRole("button", { name: "Approve" }).click();
  await expect(page).toHaveURL(/\/tools$/, { timeout: 20_000 });
  const drawer = page.getByRole("dialog", { name: "Redirect tools" });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByText("Connected", { exact: true })).toBeVisible();
  await expect(drawer.getByText("2 tools")).toBeVisible();
  await expect(drawer.getByRole("button", { name: "Disconnect" })).toBeVisible();
});

test("a tool step that failed because the server lost its authorization offers Reconnect in Debug & Preview", async ({ page }) => {
  const { tools } = await addProtectedServer(page, "Locked");
  await tools.authorizeInPopup("Locked");

  const providers = new ModelProvidersPage(page);
  await providers.open();
  await providers.addOpenAiCompatible({ name: "Scripted", baseUrl: `${peers.llm.url}/v1`, apiKey: "sk-e2e" });
  await providers.setDefaultModel("scripted-model");
  const apps = new AppsPage(page);
  await apps.open();
  await apps.create({ type: "Agent", name: "Locked agent" });
  const editor = new AppEditorPage(page);
  await editor.addAllToolsOf("Locked");
  await editor.expectSaved();

  // The grant goes away (as after a revocation); the agent still has the tools and tries one.
  await tools.open();
  const drawer = await tools.openServer("Locked");
  await drawer.getByRole("button", { name: "Disconnect" }).click();
  await expect(drawer.getByText("Not authorized")).toBeVisible();
  await page.goBack();
  await apps.open();
  await apps.card("Locked agent").getByRole("link", { name: "Locked agent", exact: true }).click();
  peers.llm.script([{ toolCalls: [{ name: "locked__echo", arguments: { text: "hi" } }] }, { text: "The tool needs authorization." }]);
  await editor.send("Echo hi");
  await expect(editor.conversation).toContainText("The tool needs authorization.", { timeout: 20_000 });
  const step = editor.conversation.getByRole("group", { name: "Tool call locked__echo" });
  await step.locator("summary").click();
  await step.getByRole("link", { name: "Reconnect under Tools" }).click();
  await expect(page).toHaveURL(/\/tools$/);
});

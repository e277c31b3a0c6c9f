import { expect, type Locator, type Page } from "@playwright/test";
import { followMainNav } from "./main-nav";

/** Tools -> MCP: server cards, the Add MCP Server (HTTP) dialog with its connection test, and the detail drawer. */
export class ToolsPage {
  constructor(private readonly page: Page) {}

  get addDialog() {
    return this.page.getByRole("dialog", { name: "Add MCP Server (HTTP)" });
  }

  async open() {
    await followMainNav(this.page, "Tools");
    await expect(this.page.getByRole("heading", { name: "Tools", level: 1 })).toBeVisible();
    await expect(this.page.getByRole("navigation", { name: "Tools" }).getByRole("link", { name: "MCP" })).toHaveAttribute("aria-current", "page");
  }

  card(name: string) {
    return this.page.getByRole("list", { name: "MCP servers" }).getByRole("listitem").filter({ has: this.page.getByRole("button", { name, exact: true }) });
  }

  async openAddDialog() {
    await this.page.getByRole("button", { name: "Add MCP Server (HTTP)" }).click();
  }

  async startAdding({ url, name }: { url: string; name: string }) {
    await this.page.getByRole("button", { name: "Add MCP Server (HTTP)" }).click();
    await this.addDialog.getByLabel("Server URL").fill(url);
    await this.addDialog.getByLabel("Name", { exact: true }).fill(name);
  }

  /** Presses Test connection and returns the steps list once the test has passed. */
  async testConnection() {
    await this.addDialog.getByRole("button", { name: "Test connection" }).click();
    await expect(this.addDialog.getByRole("status").filter({ hasText: /^Connected: \d+ tools? found\.$/ })).toBeVisible({ timeout: 30_000 });
    return this.addDialog.getByRole("list", { name: "Connection steps" });
  }

  /** Presses Test connection for a server that asks for OAuth; returns the test's status line. */
  async testConnectionOfOAuthServer() {
    await this.addDialog.getByRole("button", { name: "Test connection" }).click();
    const status = this.addDialog.getByRole("status").filter({ hasText: /OAuth/ });
    await expect(status).toBeVisible({ timeout: 30_000 });
    return status;
  }

  /** "Add & authorize" in the add dialog: the server is saved and its authorization server opens in a popup. */
  async addAndAuthorize() {
    const popupOpened = this.page.waitForEvent("popup");
    await this.addDialog.getByRole("button", { name: "Add & authorize" }).click();
    const popup = await popupOpened;
    await expect(popup.getByRole("heading", { name: /^Allow .+ to use your tools\?$/ })).toBeVisible({ timeout: 20_000 });
    return popup;
  }

  /** Runs one tool from the server's sheet with a single text argument and waits for its result. */
  async tryTool(drawer: Locator, tool: string, argument: { label: string; value: string }) {
    await drawer.getByRole("button", { name: `Try it: ${tool}` }).click();
    const form = drawer.getByRole("form", { name: `Try ${tool}` });
    await form.getByLabel(argument.label).fill(argument.value);
    await form.getByRole("button", { name: `Run ${tool}` }).click();
    await expect(drawer.getByRole("region", { name: "Tool result" })).toBeVisible({ timeout: 20_000 });
  }

  /** The add dialog's Credentials: "Shared" or "Per person". */
  async chooseCredentials(which: "Shared" | "Per person") {
    const select = this.addDialog.getByLabel("Credentials");
    const option = select.getByRole("option", { name: new RegExp(`^${which} `) });
    await select.selectOption((await option.getAttribute("value"))!);
  }

  /** Approves on the authorization server's consent page in a popup that `click` opens, and waits for it to close. */
  async approveInPopup(click: () => Promise<void>) {
    const popupOpened = this.page.waitForEvent("popup");
    await click();
    const popup = await popupOpened;
    await expect(popup.getByRole("heading", { name: /^Allow .+ to use your tools\?$/ })).toBeVisible({ timeout: 20_000 });
    const closed = popup.waitForEvent("close", { timeout: 20_000 });
    await popup.getByRole("button", { name: "Approve" }).click();
    await closed;
  }

  async save() {
    await this.addDialog.getByRole("button", { name: "Add server" }).click();
    await expect(this.addDialog).toBeHidden({ timeout: 30_000 });
  }

  /** Authorize on the card, approve on the authorization server's consent page in the popup, and wait for Connected. */
  async authorizeInPopup(name: string) {
    const popupOpened = this.page.waitForEvent("popup");
    await this.card(name).getByRole("button", { name: `Authorize ${name}` }).click();
    const popup = await popupOpened;
    await expect(popup.getByRole("heading", { name: /^Allow .+ to use your tools\?$/ })).toBeVisible({ timeout: 20_000 });
    const closed = popup.waitForEvent("close", { timeout: 20_000 });
    await popup.getByRole("button", { name: "Approve" }).click();
    await closed;
    await expect(this.card(name).getByText("Connected")).toBeVisible({ timeout: 20_000 });
  }

  /** The Transport step of the connection test: the protocol era the server answered with. */
  transportStep(steps: Locator) {
    return steps.getByRole("listitem").filter({ hasText: "Transport" });
  }

  /** Runs a tool that takes no arguments from the server's sheet and waits for its result. */
  async runToolWithoutArguments(drawer: Locator, tool: string) {
    await drawer.getByRole("button", { name: `Try it: ${tool}` }).click();
    await drawer.getByRole("form", { name: `Try ${tool}` }).getByRole("button", { name: `Run ${tool}` }).click();
    await expect(drawer.getByRole("region", { name: "Tool result" })).toBeVisible({ timeout: 20_000 });
  }

  /** The sheet's note that the server said its tools changed (notifications/tools/list_changed). */
  toolsChangedNote(drawer: Locator) {
    return drawer.getByRole("status", { name: "Tools changed" });
  }

  /** Refresh tools from that note: review the changes in the dialog and apply them. */
  async refreshChangedTools(drawer: Locator, serverName: string) {
    await this.toolsChangedNote(drawer).getByRole("button", { name: "Refresh tools" }).click();
    const dialog = this.page.getByRole("dialog", { name: `Update tools of ${serverName}?` });
    await dialog.getByRole("button", { name: "Apply update" }).click();
    await expect(dialog).toBeHidden({ timeout: 20_000 });
  }

  async openServer(name: string) {
    await this.card(name).getByRole("button", { name, exact: true }).click();
    const drawer = this.page.getByRole("dialog", { name });
    await expect(drawer).toBeVisible();
    return drawer;
  }

  /** Asks the sheet for the server's resources and prompts; returns both lists once they are shown. */
  async showResourcesAndPrompts(drawer: Locator) {
    await drawer.getByRole("button", { name: "Show resources and prompts" }).click();
    const resources = drawer.getByRole("list", { name: "Resources" });
    const prompts = drawer.getByRole("list", { name: "Prompts" });
    await expect(resources).toBeVisible({ timeout: 20_000 });
    await expect(prompts).toBeVisible({ timeout: 20_000 });
    return { resources, prompts };
  }
}

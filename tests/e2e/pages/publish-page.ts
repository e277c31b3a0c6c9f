import { expect, type Page } from "@playwright/test";

/** The app's MCP Server tab: the switch, the first-enable dialog, the URL and Regenerate. */
export class PublishPage {
  constructor(private readonly page: Page) {}

  async open(appId: string) {
    await this.page.goto(`/apps/${appId}/publish`);
    await expect(this.page.getByRole("heading", { name: "MCP Server" })).toBeVisible();
  }

  async turnOn({ description, parameters = {} }: { description: string; parameters?: Record<string, string> }) {
    await this.page.getByRole("switch", { name: "MCP server" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Turn on the MCP server" });
    await expect(dialog.getByLabel("Tool name")).not.toHaveValue("");
    await dialog.getByLabel("What the tool does").fill(description);
    for (const [label, text] of Object.entries(parameters)) await dialog.getByLabel(label).fill(text);
    await dialog.getByRole("button", { name: "Turn on", exact: true }).click();
    await expect(this.page.getByText("Running", { exact: true })).toBeVisible();
  }

  /** Shows one client's ready-to-paste configuration ("Claude Desktop", "Cursor", "VS Code", ...). */
  async showClientConfig(client: string) {
    await this.page.getByRole("tab", { name: client }).click();
  }

  url() {
    return this.page.getByRole("textbox", { name: "Server URL" }).inputValue();
  }

  /** Clicks the copy button and returns what landed on the clipboard. */
  async copyUrl() {
    await this.page.getByRole("button", { name: "Copy server URL" }).click();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async regenerate() {
    const before = await this.url();
    await this.page.getByRole("button", { name: "Regenerate URL" }).click();
    const confirm = this.page.getByRole("alertdialog", { name: "Regenerate the server URL?" });
    await expect(confirm).toContainText("Every connected client stops working at once");
    await confirm.getByRole("button", { name: "Regenerate URL" }).click();
    await expect(this.page.getByRole("textbox", { name: "Server URL" })).not.toHaveValue(before);
    return this.url();
  }

  /** The snippet a client tab shows in "Connect a client". */
  async snippet(client: "Claude Desktop" | "Cursor" | "VS Code" | "mcp-remote (stdio)") {
    await this.page.getByRole("tab", { name: client }).click();
    return (await this.page.getByLabel(`${client} configuration`, { exact: true }).textContent()) ?? "";
  }

  /** Creates a server key and leaves its shown-once dialog open; returns the key. */
  async createKey(name: string) {
    await this.page.getByRole("button", { name: "Create key" }).click();
    const dialog = this.page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByRole("button", { name: "Create key" }).click();
    return dialog.getByLabel("New server API key").inputValue();
  }

  /** In the new key's dialog: "Copy config with this key" for one client; returns what landed on the clipboard. */
  async copyConfigWithKey(client: "Cursor" | "VS Code" | "mcp-remote (stdio)") {
    const group = this.page.getByRole("dialog").getByRole("group", { name: "Copy config with this key" });
    await group.getByRole("button", { name: `Copy ${client} config with this key` }).click();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  async closeKeyDialog() {
    await this.page.getByRole("dialog").getByRole("button", { name: "Done" }).click();
    await expect(this.page.getByRole("dialog")).toBeHidden();
  }

  async turnOff() {
    await this.page.getByRole("switch", { name: "MCP server" }).click();
    await expect(this.offPanel).toBeVisible();
  }

  get offPanel() {
    return this.page.getByRole("status", { name: "Server is off" });
  }

  async turnOnAgain() {
    await this.offPanel.getByRole("button", { name: "Turn on" }).click();
    await expect(this.page.getByText("Running", { exact: true })).toBeVisible();
  }
}

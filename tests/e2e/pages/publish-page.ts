import { expect, type Page } from "@playwright/test";

export type AccessLabel = "Anyone with the URL" | "API key" | "Switchyard sign-in";
export type ClientLabel = "Claude" | "ChatGPT" | "Claude Code" | "Cursor" | "VS Code" | "mcp-remote (stdio)";

/** The app's MCP Server tab: the switch, the first-enable dialog, the URL and Regenerate, access, connect instructions. */
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

  /** Shows one client's instructions ("Claude", "Cursor", "VS Code", ...). */
  async showClientConfig(client: ClientLabel) {
    await this.page.getByRole("tab", { name: client, exact: true }).click();
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
    await expect(confirm).toContainText("The old URL stops working at once, for every connected client.");
    await confirm.getByRole("button", { name: "Regenerate URL" }).click();
    await expect(this.page.getByRole("textbox", { name: "Server URL" })).not.toHaveValue(before);
    return this.url();
  }

  /** The snippet a client tab shows in "Connect a client". */
  async snippet(client: ClientLabel) {
    await this.page.getByRole("tab", { name: client, exact: true }).click();
    return (await this.page.getByLabel(`${client} configuration`, { exact: true }).textContent()) ?? "";
  }

  /** What a client's tab says about the server's access mode for that client. */
  async accessNote(client: ClientLabel) {
    await this.page.getByRole("tab", { name: client, exact: true }).click();
    return (await this.page.getByRole("note", { name: `${client} and this access` }).textContent()) ?? "";
  }

  get access() {
    return this.page.getByRole("radiogroup", { name: "Access" });
  }

  /** Picks a mode (sign-in: optionally only `people`, by name) and saves it, confirming when it opens the server up. */
  async chooseAccess(mode: AccessLabel, { people }: { people?: string[] } = {}) {
    await this.selectAccess(mode, { people });
    await this.page.getByRole("button", { name: "Save access" }).click();
    if (mode === "Anyone with the URL") {
      const confirm = this.page.getByRole("alertdialog", { name: "Let anyone with the URL in?" });
      if (await confirm.isVisible({ timeout: 2_000 }).catch(() => false)) await confirm.getByRole("button", { name: "Open to anyone with the URL" }).click();
    }
    await expect(this.access.getByRole("radio", { name: mode })).toBeChecked();
    await expect(this.page.getByRole("button", { name: "Save access" })).toBeDisabled();
  }

  /** Picks a mode without saving it. */
  async selectAccess(mode: AccessLabel, { people }: { people?: string[] } = {}) {
    await this.access.getByRole("radio", { name: mode }).click();
    if (!people) return;
    await this.page.getByRole("checkbox", { name: "Only these people" }).check();
    const members = this.page.getByRole("list", { name: "Workspace members" });
    for (const person of people) await members.getByRole("checkbox", { name: person }).check();
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
  async copyConfigWithKey(client: "Claude Code" | "Cursor" | "VS Code" | "mcp-remote (stdio)") {
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

import { expect, type Page } from "@playwright/test";

/** Settings -> MCP server: the workspace server's switch, URL, apps as tools, instructions and call log. */
export class WorkspaceServerPage {
  constructor(private readonly page: Page) {}

  async open() {
    await this.page.goto("/settings/mcp-server");
    await expect(this.page.getByRole("link", { name: "MCP server", exact: true })).toHaveAttribute("aria-current", "page");
  }

  get switch() {
    return this.page.getByRole("switch", { name: "Workspace MCP server" });
  }

  async turnOn() {
    await this.switch.click();
    await expect(this.page.getByText("Running", { exact: true })).toBeVisible();
  }

  /** Turning off asks first; `confirm: false` cancels and leaves it running. */
  async turnOff({ confirm = true }: { confirm?: boolean } = {}) {
    await this.switch.click();
    const dialog = this.page.getByRole("alertdialog", { name: "Turn the workspace MCP server off?" });
    await dialog.getByRole("button", { name: confirm ? "Turn off" : "Cancel" }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page.getByText(confirm ? "Off" : "Running", { exact: true })).toBeVisible();
  }

  url() {
    return this.page.getByRole("textbox", { name: "Server URL" }).inputValue();
  }

  async regenerate() {
    const before = await this.url();
    await this.page.getByRole("button", { name: "Regenerate URL" }).click();
    const confirm = this.page.getByRole("alertdialog", { name: "Regenerate the server URL?" });
    await expect(confirm).toContainText("The old URL stops working at once");
    await confirm.getByRole("button", { name: "Regenerate URL" }).click();
    await expect(this.page.getByRole("textbox", { name: "Server URL" })).not.toHaveValue(before);
    return this.url();
  }

  get apps() {
    return this.page.getByRole("list", { name: "Published apps" });
  }

  /** One app's row in "Apps as tools"; `nth` tells apart two apps of the same name. */
  app(name: string, nth = 0) {
    return this.apps.getByRole("listitem").filter({ has: this.page.getByText(name, { exact: true }) }).nth(nth);
  }

  async setIncluded(name: string, included: boolean, nth = 0) {
    const toggle = this.app(name, nth).getByRole("switch");
    await toggle.click();
    await expect(toggle).toBeChecked({ checked: included });
  }

  async saveInstructions(text: string) {
    await this.page.getByRole("textbox", { name: "Server instructions" }).fill(text);
    await this.page.getByRole("button", { name: "Save instructions" }).click();
    // Not the button's state: it is disabled while saving too.
    await expect(this.page.getByText("Instructions saved")).toBeVisible();
  }
}

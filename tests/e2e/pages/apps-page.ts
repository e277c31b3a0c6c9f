import { expect, type Page } from "@playwright/test";
import { followMainNav } from "./main-nav";

/** The Apps page: the workspace's apps as cards, and the Create app dialog. */
export class AppsPage {
  constructor(private readonly page: Page) {}

  async open() {
    await followMainNav(this.page, "Apps");
    await expect(this.page.getByRole("heading", { name: "Apps", level: 1 })).toBeVisible();
  }

  card(name: string) {
    return this.page.getByRole("list", { name: "Apps" }).getByRole("listitem").filter({ has: this.page.getByRole("link", { name, exact: true }) });
  }

  /** Creates an app and lands in its editor; returns the app's id. */
  async create({ type, name, icon, description }: { type: "Chat" | "Agent" | "Text generator" | "Workflow" | "Chatflow"; name: string; icon?: string; description?: string }) {
    await this.page.getByRole("button", { name: "Create app" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Create app" });
    // A person clicks the type's card (the radio itself is visually hidden under the card's icon).
    // The radio's name is its label then its description: "Chat" must not match "Chatflow", nor "Workflow" the
    // Chatflow's description ("A workflow that ...").
    const typeName = new RegExp(`^${type}(?![a-z])`);
    const radio = dialog.getByRole("radio", { name: typeName });
    await dialog.locator("label").filter({ has: this.page.getByRole("radio", { name: typeName }) }).click();
    await expect(radio).toBeChecked();
    await dialog.getByRole("textbox", { name: "Name", exact: true }).fill(name);
    if (icon) await dialog.getByRole("radio", { name: `Icon ${icon}` }).click();
    if (description) await dialog.getByLabel("Description").fill(description);
    await dialog.getByRole("button", { name: "Create app" }).click();
    await expect(this.page).toHaveURL(/\/apps\/[^/]+$/);
    await expect(this.page.getByRole("heading", { name, level: 1 })).toBeVisible();
    return new URL(this.page.url()).pathname.split("/").pop()!;
  }

  /** The first-run checklist (the empty Apps page) or its expanded steps. */
  get setupSteps() {
    return this.page.getByRole("list", { name: "Setup steps" });
  }

  setupStep(title: string) {
    return this.setupSteps.getByRole("listitem").filter({ has: this.page.getByRole("link", { name: title, exact: true }) });
  }

  /** The small progress card shown above the app list until every step is done. */
  get setupProgress() {
    return this.page.getByRole("region", { name: "Setup progress" });
  }

  /** Asserts which steps show "Done" and the "n of 4 done" count. */
  async expectStepsDone(done: string[]) {
    const titles = ["Add a model provider", "Connect an MCP server", "Create an app", "Publish it as an MCP server"];
    for (const title of titles) {
      const badge = this.setupStep(title).getByText("Done", { exact: true });
      if (done.includes(title)) await expect(badge).toBeVisible();
      else await expect(badge).toHaveCount(0);
    }
    await expect(this.page.getByText(`${done.length} of 4 done`)).toBeVisible();
  }

  /** Create from template: picks the template and, when it asks for one, an MCP server (null: none for now). */
  async createFromTemplate(template: string, server?: string | null) {
    await this.page.getByRole("button", { name: "Create from template" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Create from template" });
    // The radio is visually hidden inside its card; a person clicks the card.
    await dialog.getByRole("radio", { name: template }).locator("xpath=ancestor::label").click();
    await expect(dialog.getByRole("radio", { name: template })).toBeChecked();
    if (server !== undefined) await dialog.getByLabel("MCP server").selectOption({ label: server ?? "None for now (add one later)" });
    await dialog.getByRole("button", { name: "Create app" }).click();
    await expect(this.page.getByRole("heading", { name: template, level: 1 })).toBeVisible();
  }

  /** Export from the card's menu; returns the downloaded file's text and name. */
  async exportApp(name: string) {
    const downloaded = this.page.waitForEvent("download");
    await this.card(name).getByRole("button", { name: `Actions for ${name}` }).click();
    await this.page.getByRole("menuitem", { name: "Export" }).click();
    const download = await downloaded;
    const { readFile } = await import("node:fs/promises");
    return { fileName: download.suggestedFilename(), text: await readFile((await download.path())!, "utf8") };
  }

  get importDialog() {
    return this.page.getByRole("dialog", { name: "Import app" });
  }

  /** Opens Import app and chooses a file with this text. */
  async chooseImportFile(text: string, name = "app.json") {
    if (!(await this.importDialog.isVisible())) await this.page.getByRole("button", { name: "Import app" }).click();
    await this.importDialog.getByLabel("App file").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(text) });
  }

  /** Maps each named reference (`Model provider "X"` / `MCP server "Y"`) to one of ours, then imports. */
  async importWith(mapping: Record<string, string>) {
    for (const [reference, choice] of Object.entries(mapping)) await this.importDialog.getByLabel(reference).selectOption({ label: choice });
    await this.importDialog.getByRole("button", { name: "Import app" }).click();
    await expect(this.importDialog).toBeHidden();
  }
}

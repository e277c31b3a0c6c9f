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
  async create({ type, name, icon, description }: { type: "Chat" | "Agent" | "Text generator"; name: string; icon?: string; description?: string }) {
    await this.page.getByRole("button", { name: "Create app" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Create app" });
    await dialog.getByRole("radio", { name: type }).check();
    await dialog.getByLabel("Name").fill(name);
    if (icon) await dialog.getByRole("radio", { name: `Icon ${icon}` }).click();
    if (description) await dialog.getByLabel("Description").fill(description);
    await dialog.getByRole("button", { name: "Create app" }).click();
    await expect(this.page).toHaveURL(/\/apps\/[^/]+$/);
    await expect(this.page.getByRole("heading", { name, level: 1 })).toBeVisible();
    return new URL(this.page.url()).pathname.split("/").pop()!;
  }
}

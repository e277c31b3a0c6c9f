import { expect, type Page } from "@playwright/test";

export class ConsolePage {
  constructor(private readonly page: Page) {}

  async expectAppsEmptyState() {
    await expect(this.page).toHaveURL(/\/apps$/);
    await expect(this.page.getByRole("heading", { name: "Apps", level: 1 })).toBeVisible();
    await expect(this.page.getByText("No apps yet")).toBeVisible();
  }

  async openSettings(tab: "General" | "Members" | "API keys") {
    await this.page.getByRole("link", { name: "Settings" }).first().click();
    await this.page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: tab }).click();
  }

  async createInviteLink(): Promise<string> {
    await this.openSettings("Members");
    await this.page.getByRole("button", { name: "Create invite link" }).click();
    const input = this.page.getByRole("textbox", { name: "Invite link" });
    await expect(input).toHaveValue(/\/invite\//);
    return input.inputValue();
  }

  /** One row of Settings -> Members. */
  memberRow(email: string) {
    return this.page.getByRole("list", { name: "Members" }).getByRole("listitem").filter({ hasText: email });
  }

  async expectMember(email: string) {
    await expect(this.page.getByRole("list", { name: "Members" }).getByText(email)).toBeVisible();
  }
}

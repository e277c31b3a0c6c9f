import { expect, type Page } from "@playwright/test";

/** Settings -> General, the "Data retention" card: keep forever, or for a number of days. */
export class RetentionCard {
  constructor(private readonly page: Page) {}

  readonly forever = () => this.page.getByRole("radio", { name: "Keep forever" });
  readonly forDays = () => this.page.getByRole("radio", { name: "Keep for a number of days" });
  readonly days = () => this.page.getByLabel("Days to keep");
  readonly save = () => this.page.getByRole("button", { name: "Save retention" });
  readonly confirmation = () => this.page.getByRole("alertdialog");

  async open() {
    await this.page.goto("/settings");
    await expect(this.page.getByRole("heading", { name: "Data retention" })).toBeVisible();
  }

  /** With the keyboard only: arrow from the checked choice to days, Space, Tab to the field, type, Enter submits. */
  async chooseDaysByKeyboard(days: string) {
    await this.page.getByRole("radio", { checked: true }).focus();
    if (!(await this.forDays().isChecked())) {
      await this.page.keyboard.press("ArrowDown");
      await expect(this.forDays()).toBeFocused();
      // Radix checks an arrowed-to radio only while the arrow key is still down: a quick press may leave it unchecked.
      await this.page.keyboard.press("Space");
      await expect(this.forDays()).toBeChecked();
    }
    await this.page.keyboard.press("Tab");
    await expect(this.days()).toBeFocused();
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.keyboard.type(days);
    await this.page.keyboard.press("Enter");
  }

  async expectSavedDays(days: string) {
    await this.page.reload();
    await expect(this.forDays()).toBeChecked();
    await expect(this.days()).toHaveValue(days);
  }
}

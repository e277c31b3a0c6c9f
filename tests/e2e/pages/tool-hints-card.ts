import { expect, type Page } from "@playwright/test";

export type HintLabel = "Only reads" | "May delete or overwrite" | "Same call, same result" | "Reaches outside systems";

/** "How clients treat this tool" on the app's MCP Server tab: one choice per hint, saved together, by keyboard. */
export class ToolHintsCard {
  constructor(private readonly page: Page) {}

  hint(label: HintLabel) {
    return this.page.getByRole("combobox", { name: label, exact: true });
  }

  /** "Automatic (yes)", "Yes" or "No"; the select takes focus first, as a keyboard user's would. */
  async choose(label: HintLabel, option: string) {
    await this.hint(label).focus();
    await this.hint(label).selectOption({ label: option });
  }

  async save() {
    const button = this.page.getByRole("button", { name: "Save hints" });
    await button.focus();
    await this.page.keyboard.press("Enter");
    await expect(this.page.getByText("Saved: clients see it from their next request")).toBeVisible();
    await expect(button).toBeDisabled();
  }
}

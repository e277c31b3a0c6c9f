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
    // Wait for this save's answer: the toast of an earlier save may still be on screen.
    const saved = this.page.waitForResponse((response) => response.url().includes("publishedServers.setAnnotations") && response.ok());
    await this.page.keyboard.press("Enter");
    await saved;
    await expect(this.page.getByText("Saved: clients see it from their next request").first()).toBeVisible();
    await expect(button).toBeDisabled();
  }
}

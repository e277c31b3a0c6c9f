import { expect, type Page } from "@playwright/test";

export type ApprovalPolicyLabel = "Refuse, and tell the model why" | "Run them anyway";

/** "Tools that ask first" on an app's MCP Server tab and on Settings -> MCP server: the published approval policy. */
export class ApprovalPolicyCard {
  constructor(private readonly page: Page) {}

  get group() {
    return this.page.getByRole("radiogroup", { name: "Tools that ask first" });
  }

  choice(label: ApprovalPolicyLabel) {
    return this.group.getByRole("radio", { name: label });
  }

  /** Chooses and saves by keyboard: focus the checked radio, arrow to the other (of two), Space, then Save by Enter. */
  async chooseAndSave(label: ApprovalPolicyLabel) {
    await this.group.getByRole("radio", { checked: true }).focus();
    await this.page.keyboard.press("ArrowDown");
    await expect(this.choice(label)).toBeFocused();
    // Radix checks an arrowed-to radio only while the arrow key is still down: a quick press may leave it unchecked.
    await this.page.keyboard.press("Space");
    await expect(this.choice(label)).toBeChecked();
    const button = this.page.getByRole("button", { name: "Save policy" });
    await button.focus();
    const saved = this.page.waitForResponse((response) => response.url().includes(".setApprovalPolicy") && response.ok());
    await this.page.keyboard.press("Enter");
    await saved;
    await expect(this.page.getByText("Approval policy saved: it applies from the next request").first()).toBeVisible();
    await expect(button).toBeDisabled();
  }
}

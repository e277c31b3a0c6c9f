import { expect, type Page } from "@playwright/test";
import { shareShown } from "./share-shown";

/** An app's Logs: the conversations list with its search and filters, one conversation, and the MCP calls table. */
export class LogsPage {
  constructor(private readonly page: Page) {}

  async open(appId: string) {
    await this.page.goto(`/apps/${appId}/logs`);
    await expect(this.page.getByRole("link", { name: "Logs" }).first()).toBeVisible();
  }

  get conversations() {
    return this.page.getByRole("list", { name: "Conversations" });
  }

  /** The list entry of a conversation, found by its title (the first question). */
  entry(title: string) {
    return this.conversations.getByRole("button", { name: new RegExp(title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")) });
  }

  async openConversation(title: string) {
    await this.entry(title).click();
    await expect(this.messages).toBeVisible();
  }

  get messages() {
    return this.page.getByRole("log", { name: "Conversation messages" });
  }

  /** How much of the newest element with this text shows inside the open conversation's scroll area (1 fully, 0 not). */
  shareShown(text: string) {
    return shareShown(this.messages, text);
  }

  /** The open conversation's inputs, each under its form label. */
  get inputs() {
    return this.page.getByRole("region", { name: "Inputs" });
  }

  /** The value shown under an input's form label in the open conversation. */
  input(label: string) {
    return this.inputs
      .getByRole("term")
      .filter({ hasText: label })
      .locator("xpath=following-sibling::dd[1]");
  }

  toolStep(name: string) {
    return this.messages.getByRole("group", { name: `Tool call ${name}` });
  }

  async search(text: string) {
    await this.page.getByRole("searchbox", { name: "Search" }).fill(text);
  }

  async filterSource(label: "All sources" | "Debug & Preview" | "MCP clients" | "API") {
    await this.page.getByRole("search", { name: "Filter conversations" }).getByLabel("Source").selectOption({ label });
  }

  async filterDates({ from, to }: { from?: string; to?: string }) {
    const filters = this.page.getByRole("search", { name: "Filter conversations" });
    if (from !== undefined) await filters.getByLabel("From").fill(from);
    if (to !== undefined) await filters.getByLabel("To").fill(to);
  }

  get noMatch() {
    return this.page.getByText("No conversations match these filters.");
  }

  get mcpCalls() {
    return this.page.getByRole("table", { name: "MCP calls" });
  }

  /** Opens the newest conversation (the list is newest first). */
  async openNewestConversation() {
    await this.conversations.getByRole("button").first().click();
  }
}

import { type Page } from "@playwright/test";

/** An app's Logs tab: its conversations, one opened beside (or, on a phone, under) the list. */
export class LogsPage {
  constructor(private readonly page: Page) {}

  get conversations() {
    return this.page.getByRole("list", { name: "Conversations" });
  }

  async openNewestConversation() {
    await this.conversations.getByRole("button").first().click();
  }
}

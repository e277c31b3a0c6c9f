import { expect, type Page } from "@playwright/test";
import { followMainNav } from "./main-nav";

/** Settings -> Model providers: add a provider, test its key, choose the system model. */
export class ModelProvidersPage {
  constructor(private readonly page: Page) {}

  async open() {
    await followMainNav(this.page, "Settings");
    await this.page.getByRole("navigation", { name: "Settings" }).getByRole("link", { name: "Model providers" }).click();
    await expect(this.page.getByRole("heading", { name: "Model providers", exact: true })).toBeVisible();
  }

  provider(name: string) {
    return this.page.getByRole("list", { name: "Model providers" }).getByRole("listitem").filter({ has: this.page.getByText(name, { exact: true }) });
  }

  /** Adds an OpenAI-compatible provider; the console fetches its models right after. */
  async addOpenAiCompatible(provider: { name: string; baseUrl: string; apiKey: string }) {
    await expect(await this.submitOpenAiCompatible(provider)).toBeHidden();
  }

  /** Fills Add a model provider and presses Add provider; returns the dialog, which may stay open (test failed). */
  async submitOpenAiCompatible({ name, baseUrl, apiKey }: { name: string; baseUrl: string; apiKey: string }) {
    await this.page.getByRole("button", { name: "Add a model provider" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Add a model provider" });
    await dialog.getByLabel("Kind").selectOption("OpenAI-compatible");
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Base URL").fill(baseUrl);
    await dialog.getByLabel("API key").fill(apiKey);
    await dialog.getByRole("button", { name: "Add provider" }).click();
    return dialog;
  }

  async test(name: string) {
    const card = this.provider(name);
    await card.getByRole("button", { name: "Test", exact: true }).click();
    await expect(card.getByRole("status").filter({ hasText: "Connected in" })).toBeVisible();
  }

  async setDefaultModel(model: string) {
    await this.page.getByLabel("Default model").selectOption({ label: model });
    await expect(this.page.getByText(`New apps start with ${model}`)).toBeVisible();
  }
}

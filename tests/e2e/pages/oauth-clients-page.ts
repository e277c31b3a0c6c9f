import { expect, type Page } from "@playwright/test";

/** Settings -> OAuth clients: register (the secret shown once), the list, delete. */
export class OauthClientsPage {
  constructor(private readonly page: Page) {}

  readonly list = () => this.page.getByRole("list", { name: "OAuth clients" });

  async open() {
    await this.page.goto("/settings/oauth-clients");
    await expect(this.page.getByRole("heading", { name: "OAuth clients" })).toBeVisible();
  }

  /** Fills and submits the dialog; it stays open (on the shown-once step or on an error). */
  async register({ name, redirectUris, type }: { name: string; redirectUris: string[]; type: "Public" | "Confidential: secret in the Authorization header" | "Confidential: secret in the request body" }) {
    await this.page.getByRole("button", { name: "Register client" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Register an OAuth client" });
    await dialog.getByLabel("Name").fill(name);
    await dialog.getByLabel("Redirect URIs").fill(redirectUris.join("\n"));
    const option = dialog.getByRole("option").filter({ hasText: type });
    await dialog.getByLabel("Type").selectOption((await option.getAttribute("value"))!);
    await dialog.getByRole("button", { name: "Create client" }).click();
    return dialog;
  }

  async delete(name: string) {
    await this.list().getByRole("listitem").filter({ hasText: name }).getByRole("button", { name: "Delete" }).click();
    const confirm = this.page.getByRole("alertdialog", { name: `Delete "${name}"?` });
    await confirm.getByRole("button", { name: "Delete client" }).click();
    await expect(confirm).toBeHidden();
  }
}

import { expect, type Page } from "@playwright/test";

/** The app's Versions tab: published versions, their diff against the draft, restore and rollback. */
export class VersionsPage {
  constructor(private readonly page: Page) {}

  async open(appId: string) {
    await this.page.goto(`/apps/${appId}/versions`);
    await expect(this.list).toBeVisible();
  }

  get list() {
    return this.page.getByRole("list", { name: "Published versions" });
  }

  version(n: number) {
    return this.list.getByRole("listitem", { name: `Version ${n}`, exact: true });
  }

  /** Opens "Compare with draft" and returns the diff region. */
  async compare(n: number) {
    await this.version(n).getByRole("button", { name: "Compare with draft" }).click();
    return this.version(n).getByRole("region", { name: `Changes from version ${n} to the draft` });
  }

  async restoreToDraft(n: number) {
    await this.version(n).getByRole("button", { name: "Restore to draft" }).click();
    const confirm = this.page.getByRole("alertdialog", { name: `Restore version ${n} to the draft?` });
    await expect(confirm).toContainText("current changes are lost");
    await confirm.getByRole("button", { name: "Restore to draft" }).click();
    await expect(confirm).toBeHidden();
  }

  async publishAgain(n: number) {
    await this.version(n).getByRole("button", { name: "Publish this version again" }).click();
    const confirm = this.page.getByRole("alertdialog", { name: `Publish version ${n} again?` });
    await confirm.getByRole("button", { name: "Publish this version" }).click();
    await expect(confirm).toBeHidden();
  }
}

import { type Page } from "@playwright/test";

/**
 * Follows a link of the main navigation: the sidebar on desktop; on a phone the same links sit in a drawer that
 * the top bar's menu button opens, as a person would use it.
 */
export async function followMainNav(page: Page, name: "Apps" | "Tools" | "Settings") {
  const menu = page.getByRole("button", { name: "Open navigation" });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
}

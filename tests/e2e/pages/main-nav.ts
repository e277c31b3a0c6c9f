import { type Page } from "@playwright/test";

/** Opens the phone's navigation drawer from the top bar. */
export async function openNavigationDrawer(page: Page) {
  await page.getByRole("button", { name: "Open navigation" }).click();
  await page.getByRole("dialog", { name: "Navigation" }).waitFor();
}

/**
 * Follows a link of the main navigation: the sidebar on desktop; on a phone the same links sit in a drawer that
 * the top bar's menu button opens, as a person would use it.
 */
export async function followMainNav(page: Page, name: "Apps" | "Tools" | "Settings") {
  const menu = page.getByRole("button", { name: "Open navigation" });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name }).click();
}

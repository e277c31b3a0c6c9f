import { expect, type Page } from "@playwright/test";

/** Runs "Will it connect?" on the open MCP Server tab; returns one check's row by its title. */
export async function runConnectCheck(page: Page) {
  await page.getByRole("button", { name: /^(Run check|Run again)$/ }).click();
  const list = page.getByRole("list", { name: "Connection checks" });
  await expect(list).toBeVisible();
  return (title: string) => list.getByRole("listitem", { name: title });
}

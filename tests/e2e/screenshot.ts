import type { Page } from "@playwright/test";

/**
 * Saves a docs screenshot only when SCREENSHOTS=1, so ordinary runs leave docs/screenshots untouched.
 * Taken at a fixed, roomier viewport (then put back): the console scrolls inside its own layout, so a full-page
 * capture would not show more.
 */
export async function docsScreenshot(page: Page, name: string) {
  if (process.env.SCREENSHOTS !== "1") return;
  const before = page.viewportSize();
  await page.setViewportSize({ width: 1440, height: 960 });
  await page.evaluate(() => document.fonts.ready);
  // Toasts from earlier steps would cover the page: they go by themselves within a few seconds.
  await page.locator("[data-sonner-toast]").first().waitFor({ state: "detached", timeout: 15_000 }).catch(() => {});
  await page.locator("[data-sonner-toast]").last().waitFor({ state: "detached", timeout: 15_000 }).catch(() => {});
  await page.screenshot({ path: `docs/screenshots/${name}` });
  if (before) await page.setViewportSize(before);
}

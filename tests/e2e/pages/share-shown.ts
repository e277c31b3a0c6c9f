import type { Locator } from "@playwright/test";

/**
 * How much of the (last) element with this text shows inside a scroll area: 1 fully, 0 not at all (scrolled out of
 * it). Measured against the area's own box, whatever the page's scroll.
 */
export async function shareShown(area: Locator, text: string) {
  const [box, element] = await Promise.all([area.boundingBox(), area.getByText(text, { exact: false }).last().boundingBox()]);
  if (!box || !element || element.height === 0) return 0;
  const top = Math.max(box.y, element.y);
  const bottom = Math.min(box.y + box.height, element.y + element.height);
  return Math.round((Math.max(0, bottom - top) / element.height) * 100) / 100;
}

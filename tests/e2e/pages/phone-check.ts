import { expect, type Page } from "@playwright/test";

export const phone = { width: 390, height: 844 };

/** Elements that reach past the window's right edge, outermost first: what to fix when a page overflows. */
function overflowingElements() {
  const width = window.innerWidth;
  const out: string[] = [];
  for (const el of Array.from(document.querySelectorAll("body *"))) {
    const rect = el.getBoundingClientRect();
    if (rect.width === 0 || rect.right <= width + 0.5) continue;
    // Skip those inside a box that scrolls or clips them: they do not widen the page.
    let clipped = false;
    for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
      const style = getComputedStyle(p);
      if (style.overflowX !== "visible" && p.getBoundingClientRect().right <= width + 0.5) clipped = true;
    }
    if (clipped) continue;
    const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}.${String(el.getAttribute("class") ?? "").split(" ").slice(0, 6).join(".")}`;
    out.push(`${name} right=${Math.round(rect.right)} "${(el.textContent ?? "").trim().slice(0, 40)}"`);
    if (out.length >= 8) break;
  }
  return out;
}

/** No horizontal overflow: the page is no wider than the window (issue 23, defect 3). */
export async function expectNoHorizontalOverflow(page: Page, where: string) {
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
  const culprits = widths.scroll > widths.inner ? await page.evaluate(overflowingElements) : [];
  expect(widths.scroll, `${where} is ${widths.scroll} px wide in a ${widths.inner} px window:\n${culprits.join("\n")}`).toBeLessThanOrEqual(widths.inner);
}

/** Chooses the theme as the account menu would (next-themes keeps it in localStorage), before the next load. */
export async function useTheme(page: Page, theme: "light" | "dark") {
  await page.addInitScript((value) => window.localStorage.setItem("theme", value), theme);
  await page.emulateMedia({ colorScheme: theme });
}

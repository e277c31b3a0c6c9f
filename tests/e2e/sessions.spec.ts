import { expect, test, type Page } from "@playwright/test";
import { newUser, SignUpPage } from "./pages/auth-pages";

async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/apps$/);
}

/** True when nothing on the page is wider than the window (the phone check at 390 px). */
async function fitsWidth(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
}

test("a person revokes their other browser from Account, and that browser is signed out on every instance", async ({
  page,
  browser,
}) => {
  const user = newUser("sessions");
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(user);
  await expect(page).toHaveURL(/\/apps$/);

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const phonePage = await phone.newPage();
  await signIn(phonePage, user);
  await phonePage.goto("/account");
  const list = phonePage.getByRole("list", { name: "Signed-in sessions" });
  await expect(list.getByRole("listitem")).toHaveCount(2);
  await expect(list.getByText("This device")).toHaveCount(1);
  expect(await fitsWidth(phonePage)).toBe(true);

  await list.getByRole("button", { name: "Revoke" }).click();
  await phonePage.getByRole("button", { name: "Revoke session" }).click();
  await expect(list.getByRole("listitem")).toHaveCount(1);

  await page.goto("/apps");
  await expect(page).toHaveURL(/\/sign-in/);
  // The second instance shares the database: the revocation holds there at once too (cookies ignore the port).
  const port = new URL(page.url()).port;
  await page.goto(`http://localhost:${Number(port) + 1}/apps`);
  await expect(page).toHaveURL(/\/sign-in/);
  await phone.close();
});

test("a session cookie copied before sign-out no longer opens the console", async ({ page, browser }) => {
  const user = newUser("signout");
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(user);
  await expect(page).toHaveURL(/\/apps$/);
  const copied = await page.context().cookies();

  await page.getByRole("button", { name: /^Account:/ }).first().click();
  await page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  const thief = await browser.newContext();
  await thief.addCookies(copied);
  const thiefPage = await thief.newPage();
  await thiefPage.goto("/apps");
  await expect(thiefPage).toHaveURL(/\/sign-in/);
  await thief.close();
});

test("API keys and members fit a 390 px phone, with creator and expiry shown", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const user = newUser("phone");
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(user);
  await expect(page).toHaveURL(/\/apps$/);

  await page.goto("/settings/api-keys");
  await page.getByRole("button", { name: "Create API key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("A rather long key name for the nightly deploys");
  await dialog.getByLabel("Expires").selectOption("30");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await dialog.getByRole("button", { name: /done/i }).click();
  const keys = page.getByRole("list", { name: "API keys" });
  await expect(keys.getByText(`made by ${user.name} (${user.email})`)).toBeVisible();
  await expect(keys.getByText(/expires /)).toBeVisible();
  expect(await fitsWidth(page)).toBe(true);

  await page.goto("/settings/members");
  await expect(page.getByRole("list", { name: "Members" }).getByText(user.email)).toBeVisible();
  expect(await fitsWidth(page)).toBe(true);
  await context.close();
});

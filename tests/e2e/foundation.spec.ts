import { expect, test } from "@playwright/test";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { ConsolePage } from "./pages/console-page";

test("a new user signs up, sees the empty Apps page, and invites a teammate who joins the workspace", async ({
  page,
  browser,
}) => {
  const owner = newUser("owner");
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(owner);

  const console = new ConsolePage(page);
  await console.expectAppsEmptyState();
  const workspaceName = `${owner.name}'s workspace`;
  await expect(page.getByText(workspaceName).first()).toBeVisible();

  const link = await console.createInviteLink();

  const teammateContext = await browser.newContext();
  const teammatePage = await teammateContext.newPage();
  const teammate = newUser("teammate");
  await teammatePage.goto(link);
  await expect(teammatePage.getByRole("heading", { name: `Join ${workspaceName}` })).toBeVisible();
  await teammatePage.getByRole("link", { name: "Create an account to join" }).click();
  await new SignUpPage(teammatePage).signUp(teammate);
  await expect(teammatePage.getByRole("heading", { name: `Join ${workspaceName}` })).toBeVisible();
  await teammatePage.getByRole("button", { name: "Accept invite" }).click();
  await expect(teammatePage).toHaveURL(/\/apps$/);
  await expect(teammatePage.getByText(workspaceName).first()).toBeVisible();
  await teammateContext.close();

  await page.reload();
  await console.expectMember(teammate.email);
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill("nobody@example.test");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Wrong" })).toHaveText("Wrong email or password.");
});

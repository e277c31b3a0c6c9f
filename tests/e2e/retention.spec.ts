// Settings -> General, data retention: an owner sets how long call logs and conversations are kept, at phone width
// and by keyboard, confirms a shorter period (it deletes data at the next run), and the choice holds after a reload;
// input the server would refuse is refused in the page first and saves nothing.
import { expect, test } from "@playwright/test";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { expectNoHorizontalOverflow, phone } from "./pages/phone-check";
import { RetentionCard } from "./pages/retention-card";

test.use({ viewport: phone });

test.beforeEach(async ({ page }) => {
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(newUser("retention"));
  await expect(page).toHaveURL(/\/apps$/);
});

test("an owner keeps data for 30 days, confirms the deletion it brings, and sees it saved after a reload", async ({ page }) => {
  const card = new RetentionCard(page);
  await card.open();
  await expect(card.forever()).toBeChecked();

  await card.chooseDaysByKeyboard("30");
  const confirm = card.confirmation();
  await expect(confirm).toContainText("Delete what is older than 30 days?");
  await expectNoHorizontalOverflow(page, "settings with the retention confirmation open");
  await confirm.getByRole("button", { name: "Save and delete older data" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByText("Retention saved")).toBeVisible();
  await card.expectSavedDays("30");

  // A longer period deletes nothing more: it saves without asking.
  await card.chooseDaysByKeyboard("365");
  await expect(page.getByText("Retention saved")).toBeVisible();
  await expect(card.confirmation()).toBeHidden();
  await card.expectSavedDays("365");
  await expectNoHorizontalOverflow(page, "settings");
});

test("days outside 1-3650, or not a whole number, are refused with a message and change nothing", async ({ page }) => {
  const card = new RetentionCard(page);
  await card.open();
  await card.forDays().click();
  await card.days().fill("90");
  await card.save().click();
  await card.confirmation().getByRole("button", { name: "Save and delete older data" }).click();
  await expect(page.getByText("Retention saved")).toBeVisible();

  for (const [text, message] of [
    ["0", "Keep them for at least 1 day."],
    ["3651", "Keep them for at most 3650 days (10 years), or choose Forever."],
    ["12.5", "Enter a whole number of days, such as 90."],
    ["<img src=x onerror=alert(1)>", "Enter a whole number of days, such as 90."],
    ["", "Enter a number of days."],
  ]) {
    await card.days().fill(text);
    await card.save().click();
    await expect(page.getByText(message)).toBeVisible();
    await expect(card.days()).toHaveAttribute("aria-invalid", "true");
    await expect(card.confirmation()).toBeHidden();
  }
  await card.expectSavedDays("90");
});

// Issue 27: on a connected server's sheet, a person lists its resources, reads a text one, and sees its prompts
// with their arguments (the MCP project's reference server), at desktop and phone width.
import { expect, test } from "@playwright/test";
import { startServerEverything } from "../support/server-everything";
import { api } from "./published-app";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { expectNoHorizontalOverflow, phone } from "./pages/phone-check";
import { ToolsPage } from "./pages/tools-page";

let everything: Awaited<ReturnType<typeof startServerEverything>>;
test.beforeAll(async () => {
  everything = await startServerEverything("streamableHttp");
});
test.afterAll(async () => everything?.close());

test("a server's resources can be read and its prompts seen with their arguments on its sheet", async ({ page }) => {
  test.setTimeout(90_000);
  await new SignUpPage(page).open();
  await new SignUpPage(page).signUp(newUser("resources"));
  await expect(page).toHaveURL(/\/apps$/);
  await api(page, "mcpServers.create", { name: "Everything", identifier: "everything", url: everything.url });

  const tools = new ToolsPage(page);
  await tools.open();
  const drawer = await tools.openServer("Everything");
  const { resources, prompts } = await tools.showResourcesAndPrompts(drawer);

  const features = resources.getByRole("button", { name: /features\.md/ });
  await features.click();
  await expect(features).toHaveAttribute("aria-expanded", "true");
  const contents = resources.getByLabel("Contents of demo://resource/static/document/features.md");
  await expect(contents).toBeVisible({ timeout: 20_000 });
  await expect(contents).not.toBeEmpty();

  const args = prompts.getByRole("listitem", { name: "Prompt args-prompt" });
  await expect(args.getByRole("list", { name: "Arguments of args-prompt" })).toContainText("(required)");
  await expect(prompts.getByRole("listitem", { name: "Prompt simple-prompt" })).toContainText("No arguments.");

  await page.setViewportSize(phone);
  await expect(contents).toBeVisible();
  await expectNoHorizontalOverflow(page, "a server's resources on its sheet");
});

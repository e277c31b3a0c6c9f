// Issue 23, version history: every published version with who and when, its diff against the draft, Restore to
// draft, and rollback ("Publish this version again") that a connected MCP client follows at its next request.
import { expect, test } from "@playwright/test";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { AppEditorPage } from "./pages/app-editor-page";
import { VersionsPage } from "./pages/versions-page";
import { api, chatApp, connect, query } from "./published-app";

let llm: ScriptedLlm;
test.beforeAll(async () => {
  llm = await startScriptedLlm();
});
test.afterAll(() => llm.close());

test("versions are listed with who published them; rollback serves the old version at once and Restore to draft brings it into the editor", async ({ page }) => {
  const app = await chatApp(page, llm, "Versioned Planner");
  await api(page, "apps.publish", { id: app.id });
  const { draft } = await query<{ draft: Record<string, unknown> }>(page, "apps.get", { id: app.id });
  await api(page, "apps.updateDraft", { id: app.id, draft: { ...draft, instructions: "Plan cheap trips to {{city}}." } });
  await api(page, "apps.publish", { id: app.id });
  const { url } = await api<{ url: string }>(page, "publishedServers.enable", {
    appId: app.id,
    toolName: "planner",
    toolDescription: "Plans trips.",
    parameterDescriptions: { city: "The city." },
  });
  const client = await connect(url);
  const ask = async () => {
    llm.script([{ text: "ok" }]);
    await client.callTool({ name: "planner", arguments: { query: "Two days?", city: "Paris" } });
    return llm.requests.at(-1)!.messages[0];
  };
  expect(await ask()).toEqual({ role: "system", content: "Plan cheap trips to Paris." });

  const versions = new VersionsPage(page);
  await versions.open(app.id);
  await expect(versions.list.getByRole("listitem")).toHaveCount(2);
  await expect(versions.version(2)).toContainText("Live");
  await expect(versions.version(2)).toContainText("Same as draft");
  await expect(versions.version(1)).toContainText(/Published by publisher [0-9a-f]{4}/);
  const diff = await versions.compare(1);
  await expect(diff.getByLabel("Instructions diff")).toContainText("Removed: Plan trips to {{city}}.");
  await expect(diff.getByLabel("Instructions diff")).toContainText("Added: Plan cheap trips to {{city}}.");

  // Rollback: version 1 again, as version 3, served to the already-connected client at its next call.
  await versions.publishAgain(1);
  await expect(versions.list.getByRole("listitem")).toHaveCount(3);
  await expect(versions.version(3)).toContainText("Live");
  await expect(versions.version(2)).not.toContainText("Live");
  expect(await ask()).toEqual({ role: "system", content: "Plan trips to Paris." });

  // Restore to draft: the draft (still "cheap") becomes version 1's; nothing new is published.
  await versions.restoreToDraft(1);
  await expect(versions.version(3)).toContainText("Same as draft");
  await page.getByRole("link", { name: "Orchestrate" }).click();
  await expect(page.getByLabel("Instructions")).toHaveValue("Plan trips to {{city}}.");
  await expect(new AppEditorPage(page).publishedButton).toBeDisabled();
  expect(await ask()).toEqual({ role: "system", content: "Plan trips to Paris." });
  await client.close();
});

test("an app never published says so and links to the editor", async ({ page }) => {
  const app = await chatApp(page, llm, "Fresh Planner");
  await page.goto(`/apps/${app.id}/versions`);
  await expect(page.getByText("Nothing published yet")).toBeVisible();
  await page.getByRole("link", { name: "Open the editor" }).click();
  await expect(page).toHaveURL(new RegExp(`/apps/${app.id}$`));
});

// Issue 23, first run: the empty Apps page is a checklist whose steps link to where each is done and tick as they
// are; templates start finished apps; an app exported from one workspace is imported into another with its
// provider and MCP server mapped to that workspace's own.
import { expect, test } from "@playwright/test";
import { startScriptedLlm } from "../support/scripted-llm";
import { startServerEverything } from "../support/server-everything";
import { AppEditorPage } from "./pages/app-editor-page";
import { AppsPage } from "./pages/apps-page";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { ModelProvidersPage } from "./pages/model-providers-page";
import { PublishPage } from "./pages/publish-page";
import { ToolsPage } from "./pages/tools-page";
import { usePeers } from "./peers";

const peers = usePeers({ llm: startScriptedLlm, everything: () => startServerEverything("streamableHttp") });

const settingsLink = (page: import("@playwright/test").Page) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" });

test("a new user sees the setup checklist with nothing ticked; each step links to its page and is ticked once done", async ({ page }) => {
  test.setTimeout(150_000);
  await new SignUpPage(page).open();
  await new SignUpPage(page).signUp(newUser("first-run"));
  await expect(page).toHaveURL(/\/apps$/);
  const apps = new AppsPage(page);
  await expect(page.getByRole("heading", { name: "Get started" })).toBeVisible();
  await apps.expectStepsDone([]);

  // Settings opens where the missing step is.
  await settingsLink(page).click();
  await expect(page).toHaveURL(/\/settings\/model-providers$/);
  await expect(page.getByRole("heading", { name: "Model providers", exact: true })).toBeVisible();

  await apps.open();
  await apps.setupStep("Add a model provider").getByRole("link").click();
  await expect(page).toHaveURL(/\/settings\/model-providers$/);
  const providers = new ModelProvidersPage(page);
  await providers.addOpenAiCompatible({ name: "Scripted", baseUrl: `${peers.llm.url}/v1`, apiKey: "sk-first-run" });
  await providers.setDefaultModel("scripted-model");
  await apps.open();
  await apps.expectStepsDone(["Add a model provider"]);
  await settingsLink(page).click();
  await expect(page).toHaveURL(/\/settings$/);

  await apps.open();
  await apps.setupStep("Connect an MCP server").getByRole("link").click();
  await expect(page).toHaveURL(/\/tools$/);
  const tools = new ToolsPage(page);
  await tools.startAdding({ url: peers.everything.url, name: "Everything" });
  await tools.save();
  await apps.open();
  await apps.expectStepsDone(["Add a model provider", "Connect an MCP server"]);

  await apps.setupStep("Create an app").getByRole("link").click();
  const create = page.getByRole("dialog", { name: "Create app" });
  await expect(create).toBeVisible();
  await create.getByLabel("Name", { exact: true }).fill("Helper");
  await create.getByRole("button", { name: "Create app" }).click();
  await expect(page.getByRole("heading", { name: "Helper", level: 1 })).toBeVisible();
  const appId = new URL(page.url()).pathname.split("/").pop()!;

  // With an app, the checklist shrinks into a progress card that points at the next step.
  await apps.open();
  await expect(apps.setupProgress).toContainText("Getting started: 3 of 4 done");
  await apps.setupProgress.getByRole("link", { name: "Next: Publish it as an MCP server" }).click();
  await expect(page).toHaveURL(new RegExp(`/apps/${appId}/publish$`));
  await page.goto(`/apps/${appId}`);
  await new AppEditorPage(page).publish(1);
  const publish = new PublishPage(page);
  await publish.open(appId);
  await publish.turnOn({ description: "Helps." });

  await apps.open();
  await expect(apps.card("Helper")).toBeVisible();
  await expect(apps.setupProgress).toHaveCount(0);
});

test("an app from a template is exported, and imported into a second workspace with its MCP server mapped", async ({ page }) => {
  test.setTimeout(150_000);
  await new SignUpPage(page).open();
  await new SignUpPage(page).signUp(newUser("templates"));
  const tools = new ToolsPage(page);
  await tools.open();
  await tools.startAdding({ url: peers.everything.url, name: "Docs" });
  await tools.save();

  const apps = new AppsPage(page);
  await apps.open();
  await apps.createFromTemplate("Support agent", "Docs");
  await expect(page.getByText("Docs", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Instructions" })).toHaveValue(/You are the support agent for \{\{product\}\}/);

  // The progress card can be hidden, and stays hidden.
  await apps.open();
  await expect(apps.setupProgress).toContainText("2 of 4 done");
  await apps.setupProgress.getByRole("button", { name: "Dismiss the setup checklist" }).click();
  await expect(apps.setupProgress).toHaveCount(0);
  await page.reload();
  await expect(apps.card("Support agent")).toBeVisible();
  await expect(apps.setupProgress).toHaveCount(0);

  const { fileName, text } = await apps.exportApp("Support agent");
  expect(fileName).toBe("support-agent.switchyard-app.json");
  expect(JSON.parse(text)).toMatchObject({ switchyard: "app", version: 1, servers: [{ name: "Docs" }] });
  expect(text).not.toContain(new URL(peers.everything.url).host);

  // A second workspace, with its own server under another name.
  await page.goto("/workspaces/new");
  await page.getByLabel("Workspace name").fill("Second team");
  await page.getByRole("button", { name: "Create workspace" }).click();
  await expect(page).toHaveURL(/\/apps$/);
  await tools.open();
  await tools.startAdding({ url: peers.everything.url, name: "Help center" });
  await tools.save();
  await apps.open();

  // A bad file is explained and changes nothing.
  await apps.chooseImportFile("{ not json", "broken.json");
  await expect(apps.importDialog.getByText("The file is not valid JSON. Choose a file exported with Export app. Nothing was imported.")).toBeVisible();
  await apps.chooseImportFile(text, fileName);
  await expect(apps.importDialog.getByText("Support agent", { exact: true })).toBeVisible();
  await expect(apps.importDialog.getByLabel('MCP server "Docs"')).toHaveValue("");
  await apps.importWith({ 'MCP server "Docs"': "Help center" });
  await expect(page.getByRole("heading", { name: "Support agent", level: 1 })).toBeVisible();
  await expect(page.getByText("Help center", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Instructions" })).toHaveValue(/You are the support agent for \{\{product\}\}/);
});

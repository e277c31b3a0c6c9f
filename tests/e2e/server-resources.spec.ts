// Issue 27: on a connected server's sheet, a person lists its resources, reads a text one, and sees its prompts
// with their arguments (the MCP project's reference server), at desktop and phone width; in the agent editor a
// person gives the agent one of those resources, and the model receives it.
import { expect, test } from "@playwright/test";
import { startServerEverything } from "../support/server-everything";
import { startScriptedLlm } from "../support/scripted-llm";
import { api, query } from "./published-app";
import { AppEditorPage } from "./pages/app-editor-page";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { ModelProvidersPage } from "./pages/model-providers-page";
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

test("an agent given a resource as context has it in the model's system prompt", async ({ page }) => {
  test.setTimeout(120_000);
  const llm = await startScriptedLlm();
  try {
    await new SignUpPage(page).open();
    await new SignUpPage(page).signUp(newUser("context"));
    await expect(page).toHaveURL(/\/apps$/);
    const providers = new ModelProvidersPage(page);
    await providers.open();
    await providers.addOpenAiCompatible({ name: "Scripted", baseUrl: `${llm.url}/v1`, apiKey: "sk-e2e-context" });
    const [provider] = await query<Array<{ id: string }>>(page, "modelProviders.list", undefined);
    const server = await api<{ id: string }>(page, "mcpServers.create", { name: "Everything", identifier: "everything", url: everything.url });
    const agent = await api<{ id: string }>(page, "apps.create", { type: "agent", name: "Reader" });
    await api(page, "apps.updateDraft", {
      id: agent.id,
      draft: { instructions: "Answer from the documents.", model: { providerId: provider!.id, model: "scripted-model" }, tools: [{ serverId: server.id, mode: "all" }] },
    });

    await page.goto(`/apps/${agent.id}`);
    const editor = new AppEditorPage(page);
    await editor.giveResource("Everything", "demo://resource/static/document/features.md");
    await editor.expectSaved();
    llm.script([{ text: "I have read it." }]);
    await editor.send("What are the features?");
    await expect(editor.conversation).toContainText("I have read it.");
    const system = JSON.stringify(llm.requests.at(-1)!.messages.find((m) => m.role === "system"));
    expect(system).toContain("Answer from the documents.");
    expect(system).toContain("### demo://resource/static/document/features.md (from Everything)");
  } finally {
    await llm.close();
  }
});

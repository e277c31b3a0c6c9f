// Issue 27, "Rich results": a tool with an MCP App shows the app in Debug & Preview, in a sandboxed frame driven by
// the ext-apps AppBridge; the app gets the tool's result, and its script cannot read the console's cookies, storage
// or DOM (the app writes what its attempts returned, and the test reads that from the page).
import { expect, test } from "@playwright/test";
import { forecastText } from "../support/mcp-app-tools";
import { startScriptedLlm, type ChatRequestBody, type ScriptedLlm } from "../support/scripted-llm";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";
import { api, query } from "./published-app";
import { AppEditorPage } from "./pages/app-editor-page";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { ModelProvidersPage } from "./pages/model-providers-page";

let llm: ScriptedLlm;
let tools: TestMcpServer;
test.beforeAll(async () => {
  [llm, tools] = await Promise.all([startScriptedLlm(), startTestMcpServer({ mcpApp: true })]);
});
test.afterAll(async () => {
  await Promise.all([llm?.close(), tools?.close()]);
});

const callForecast = (body: ChatRequestBody) => ({ toolCalls: [{ name: body.tools!.map((t) => t.function.name).find((n) => n.endsWith("__forecast"))!, arguments: {} }] });

test("a tool's MCP App renders in a sandboxed frame, gets the result, and cannot read the console's cookies or DOM", async ({ page }) => {
  test.setTimeout(120_000);
  await new SignUpPage(page).open();
  await new SignUpPage(page).signUp(newUser("mcp-app"));
  await expect(page).toHaveURL(/\/apps$/);
  const providers = new ModelProvidersPage(page);
  await providers.open();
  await providers.addOpenAiCompatible({ name: "Scripted", baseUrl: `${llm.url}/v1`, apiKey: "sk-e2e-app" });
  const [provider] = await query<Array<{ id: string }>>(page, "modelProviders.list", undefined);
  const server = await api<{ id: string }>(page, "mcpServers.create", { name: "Weather", identifier: "weather", url: tools.url });
  const preview = await api<{ token: string }>(page, "mcpServers.previewTools", { id: server.id });
  await api(page, "mcpServers.applyTools", { id: server.id, token: preview.token });
  const agent = await api<{ id: string }>(page, "apps.create", { type: "agent", name: "Weather agent" });
  await api(page, "apps.updateDraft", {
    id: agent.id,
    draft: { instructions: "Tell the weather.", model: { providerId: provider!.id, model: "scripted-model" }, tools: [{ serverId: server.id, mode: "all" }] },
  });

  await page.goto(`/apps/${agent.id}`);
  // A cookie script on the console could read: the app must not see it.
  await page.evaluate(() => (document.cookie = "console-marker=secret-e2e-value; path=/"));
  const editor = new AppEditorPage(page);
  llm.script([callForecast, { text: "It is sunny." }]);
  await editor.send("What is the weather?");
  await expect(editor.conversation).toContainText("It is sunny.");

  const step = await editor.openToolStep(/^Tool call .*forecast$/);
  const frameElement = step.locator("iframe");
  await expect(frameElement).toHaveAttribute("sandbox", "allow-scripts");
  const app = step.frameLocator("iframe");
  await expect(app.locator("#status")).toHaveText("Connected to Switchyard Debug & Preview");
  await expect(app.locator("#result")).toHaveText(forecastText);
  // The size the app asked for, within the host's bounds.
  await expect(frameElement).toHaveCSS("height", "220px");

  await expect(app.locator("#cookie")).toHaveText(/^cookie blocked: SecurityError$/);
  await expect(app.locator("#storage")).toHaveText(/^storage blocked: SecurityError$/);
  await expect(app.locator("#parent-dom")).toHaveText(/^parent blocked: SecurityError$/);
  expect(await page.evaluate(() => document.cookie)).toContain("secret-e2e-value");
  await expect(app.locator("body")).not.toContainText("secret-e2e-value");
});

// The whole journey in one go (issue 7): a provider, an OAuth-protected MCP server authorized in a popup, an agent
// using its tools in Debug & Preview, the agent published as an MCP server and called from outside by the SDK's
// client, the URL regenerated, and everything in Logs. It runs on a desktop in light mode and on a 390 px phone in
// light and dark mode, where no page may be wider than the screen (issue 23). With SCREENSHOTS=1 the desktop run
// also refreshes the README's pictures.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test } from "@playwright/test";
import { startTestAuthServer, type TestAuthServer } from "../support/oauth-server";
import { startProtectedMcpServer, type ProtectedMcpServer } from "../support/protected-mcp-server";
import { startScriptedLlm, type ChatRequestBody, type ScriptedLlm } from "../support/scripted-llm";
import { AppEditorPage } from "./pages/app-editor-page";
import { AppsPage } from "./pages/apps-page";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { ModelProvidersPage } from "./pages/model-providers-page";
import { expectNoHorizontalOverflow, phone, useTheme } from "./pages/phone-check";
import { PublishPage } from "./pages/publish-page";
import { ToolsPage } from "./pages/tools-page";
import { VersionsPage } from "./pages/versions-page";
import { docsScreenshot } from "./screenshot";

let as: TestAuthServer;
let weather: ProtectedMcpServer;
let llm: ScriptedLlm;
test.beforeAll(async () => {
  as = await startTestAuthServer();
  [weather, llm] = await Promise.all([startProtectedMcpServer({ issuer: as.issuer, jwks: as.jwks, moreTools: true }), startScriptedLlm()]);
});
test.afterAll(async () => {
  await Promise.all([weather?.close(), as?.close(), llm?.close()]);
});

/** The model calls the forecast tool, then answers quoting what the tool returned. */
function forecastTurns(city: string) {
  return [
    { toolCalls: [{ name: "weather__forecast", arguments: { city } }] },
    (body: ChatRequestBody) => {
      const result = body.messages.filter((m) => m.role === "tool").map((m) => JSON.stringify(m.content)).at(-1) ?? "";
      return { text: `The weather service says: ${/Forecast for [^"\\]+/.exec(result)?.[0] ?? "nothing"}` };
    },
  ];
}

const variants = [
  { name: "desktop, light", viewport: { width: 1440, height: 900 }, theme: "light", onPhone: false },
  { name: "phone, light", viewport: phone, theme: "light", onPhone: true },
  { name: "phone, dark", viewport: phone, theme: "dark", onPhone: true },
] as const;

for (const variant of variants) {
  test(`a team connects an OAuth-protected server, builds an agent on it, publishes it as an MCP server and calls it from outside (${variant.name})`, async ({ page, context }) => {
    test.setTimeout(180_000);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.setViewportSize(variant.viewport);
    await useTheme(page, variant.theme);
    // On a phone, every page the journey passes must fit the screen.
    const fits = (where: string) => (variant.onPhone ? expectNoHorizontalOverflow(page, where) : Promise.resolve());
    // The README's pictures come from the desktop run only.
    const screenshot = (name: string) => (variant.onPhone ? Promise.resolve() : docsScreenshot(page, name));

    // 1. Sign up; the workspace is created.
    const signUp = new SignUpPage(page);
    await signUp.open();
    await signUp.signUp(newUser("journey"));
    await expect(page).toHaveURL(/\/apps$/);
    await expect(page.getByText("Get started").first()).toBeVisible();
    await fits("the empty Apps page");
    await screenshot("first-run-checklist.png");

    // 2. A provider on the scripted model server, its tool-calling model the default.
    const providers = new ModelProvidersPage(page);
    await providers.open();
    await providers.addOpenAiCompatible({ name: "Scripted", baseUrl: `${llm.url}/v1`, apiKey: "sk-journey" });
    await providers.setDefaultModel("scripted-model");
    await fits("Settings -> Model providers");

    // 3. The OAuth-protected server: needs authorization, authorized in the popup, connected with its 7 tools.
    const tools = new ToolsPage(page);
    await tools.open();
    await tools.startAdding({ url: weather.url, name: "Weather" });
    await tools.save();
    const card = tools.card("Weather");
    await expect(card.getByText("Needs authorization")).toBeVisible();
    await tools.authorizeInPopup("Weather");
    await expect(card.getByText("7 tools")).toBeVisible();
    await fits("Tools -> MCP");
    await screenshot("tools-mcp.png");

    // 4. An agent with all 7 tools, instructions, published.
    const apps = new AppsPage(page);
    await apps.open();
    const appId = await apps.create({ type: "Agent", name: "Trip Weather" });
    const editor = new AppEditorPage(page);
    await editor.setInstructions("Answer questions about the weather with the weather tools.");
    await editor.addAllToolsOf("Weather");
    await expect(editor.enabledTools).toHaveText("7/7 Enabled");
    await editor.expectSaved();
    await editor.publish(1);

    // 5. Debug & Preview: the model calls a tool with arguments; the step shows them and the result; the answer quotes it.
    llm.script(forecastTurns("Lisbon"));
    await editor.send("Weather in Lisbon?");
    await expect(editor.conversation).toContainText("The weather service says: Forecast for Lisbon", { timeout: 20_000 });
    const step = await editor.openToolStep(/weather__forecast/);
    await expect(step).toContainText('"city": "Lisbon"');
    await expect(step).toContainText("Forecast for Lisbon");
    await fits("the agent editor with an open tool step");
    await screenshot("agent-editor-tool-step.png");

    // 6. Its MCP server on, with a description; the URL copied.
    const publish = new PublishPage(page);
    await publish.open(appId);
    await publish.turnOn({ description: "Answers weather questions for trips." });
    const url = await publish.copyUrl();
    await fits("the MCP Server tab");
    await screenshot("mcp-server-card.png");

    // 7. An outside MCP client: one tool; a question whose answer carries the external tool's result.
    const client = new Client({ name: "journey-client", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(new URL(url)));
    const { tools: listed } = await client.listTools();
    expect(listed).toHaveLength(1);
    llm.script(forecastTurns("Oslo"));
    const result = await client.callTool({ name: listed[0]!.name, arguments: { query: "Weather in Oslo?" } });
    expect(result.isError).toBeFalsy();
    expect(JSON.stringify(result.content)).toContain("Forecast for Oslo");

    // 8. Regenerate: the client's next call is refused; the new URL works.
    const fresh = await publish.regenerate();
    await expect(client.listTools()).rejects.toThrow();
    await client.close();
    const again = new Client({ name: "journey-client", version: "1.0.0" });
    await again.connect(new StreamableHTTPClientTransport(new URL(fresh)));
    expect((await again.listTools()).tools).toHaveLength(1);
    await again.close();

    // 9. Logs: the Debug & Preview conversation and the MCP calls.
    await page.goto(`/apps/${appId}/logs`);
    await expect(page.getByRole("list", { name: "Conversations" }).getByRole("button", { name: /Weather in Lisbon\?/ })).toBeVisible();
    const calls = page.getByRole("table", { name: "MCP calls" });
    await expect(calls.getByText("tools/call").first()).toBeVisible();
    await expect(calls.getByText("journey-client 1.0.0").first()).toBeVisible();
    await fits("Logs");

    // 10. Version history: the draft moves on, and the published version is compared with it.
    await page.goto(`/apps/${appId}`);
    await editor.setInstructions("Answer questions about the weather with the weather tools. Give temperatures in Celsius.");
    await editor.expectSaved();
    const versions = new VersionsPage(page);
    await versions.open(appId);
    await expect(await versions.compare(1)).toContainText("Celsius");
    await fits("the Versions tab");
    await screenshot("version-history.png");

    await apps.open();
    await expect(apps.card("Trip Weather")).toBeVisible();
    await fits("the Apps page");
    await screenshot("apps-page.png");
  });
}

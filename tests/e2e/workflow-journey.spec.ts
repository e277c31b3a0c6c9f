// Issue 29's journey: a person builds Start (two fields) -> MCP tool on server-everything -> LLM on the scripted
// model -> If/Else -> End (two outputs) on the canvas in Chromium, runs it in Debug & Preview with the per-node
// trace, publishes it, and calls it from the SDK client: the schema from Start, structured output from End, a
// progress step per node. With SCREENSHOTS=1 it also refreshes the README's canvas and trace pictures.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test, type Page } from "@playwright/test";
import { startScriptedLlm } from "../support/scripted-llm";
import { startServerEverything } from "../support/server-everything";
import { AppEditorPage } from "./pages/app-editor-page";
import { AppsPage } from "./pages/apps-page";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { ModelProvidersPage } from "./pages/model-providers-page";
import { PublishPage } from "./pages/publish-page";
import { ToolsPage } from "./pages/tools-page";
import { WorkflowPreviewPage } from "./pages/workflow-preview-page";
import { WorkflowEditorPage } from "./pages/workflow-editor-page";
import { usePeers } from "./peers";
import { docsScreenshot } from "./screenshot";

const peers = usePeers({ llm: startScriptedLlm, everything: () => startServerEverything("streamableHttp") });

async function setUp(page: Page) {
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(newUser("flowmaker"));
  const providers = new ModelProvidersPage(page);
  await providers.open();
  await providers.addOpenAiCompatible({ name: "Scripted", baseUrl: `${peers.llm.url}/v1`, apiKey: "sk-e2e-flow" });
  await providers.setDefaultModel("scripted-model");
  const tools = new ToolsPage(page);
  await tools.open();
  await tools.startAdding({ url: peers.everything.url, name: "Everything" });
  await tools.testConnection();
  await tools.save();
  await expect(tools.card("Everything")).toContainText("Connected");
}

/** A field of the Start node's form (the app's input form), with its type and description. */
async function addField(page: Page, field: { label: string; key: string; type: string; description: string }) {
  await new AppEditorPage(page).addInputField({ label: field.label, key: field.key, required: true });
  const row = page.getByRole("group", { name: `Input field ${field.label}` });
  await row.getByLabel("Type").selectOption(field.type);
  await row.getByLabel("Description").fill(field.description);
}

test("a person builds a workflow on the canvas, runs it with its trace, publishes it and calls it from an MCP client", async ({ page }) => {
  test.setTimeout(180_000);
  await setUp(page);
  const apps = new AppsPage(page);
  await apps.open();
  await apps.create({ type: "Workflow", name: "Trip Planner" });
  const flow = new WorkflowEditorPage(page);
  await expect(flow.node("start")).toBeVisible();

  // Start: two fields.
  await flow.select("start");
  await addField(page, { label: "City", key: "city", type: "text", description: "Where to go." });
  await addField(page, { label: "Days", key: "days", type: "number", description: "How many days." });

  // MCP tool: server-everything's get-sum, one argument from Start, one typed in.
  await flow.add("MCP tool");
  await flow.select("start");
  await flow.connectTo("mcp_tool_1");
  await flow.panel.getByRole("button", { name: "Disconnect from End" }).click();
  await flow.select("mcp_tool_1");
  await flow.panel.getByLabel("Tool server").selectOption({ label: "Everything" });
  await flow.panel.getByLabel("Tool", { exact: true }).selectOption("get-sum");
  await flow.panel.getByLabel("Argument a", { exact: true }).fill("{{start.days}}");
  await flow.panel.getByLabel("Argument b", { exact: true }).fill("10");
  await flow.panel.getByLabel("Approval").selectOption("auto");

  // LLM on the scripted model, reading Start and the tool.
  await flow.add("LLM");
  await flow.select("mcp_tool_1");
  await flow.connectTo("llm_1");
  await flow.select("llm_1");
  await flow.panel.getByLabel("Prompt", { exact: true }).fill("Weather in {{start.city}}? {{mcp_tool_1.text}}");

  // If/Else on the model's answer, both sides into End.
  await flow.add("If/Else");
  await flow.select("llm_1");
  await flow.connectTo("if_else_1");
  await flow.select("if_else_1");
  await flow.panel.getByRole("button", { name: "Add condition" }).click();
  await flow.panel.getByLabel("Condition 1 left").selectOption("llm_1.text");
  await flow.panel.getByLabel("Condition 1 operator").selectOption("contains");
  await flow.panel.getByLabel("Condition 1 right").fill("Sunny");
  await flow.connectTo("End", "true");
  await flow.connectTo("End", "false");

  // End: two named, typed outputs.
  await flow.select("end");
  await flow.panel.getByRole("button", { name: "Add output" }).click();
  await flow.panel.getByLabel("Output 1 name").fill("forecast");
  await flow.panel.getByLabel("Output 1 value").selectOption("llm_1.text");
  await flow.panel.getByRole("button", { name: "Add output" }).click();
  await flow.panel.getByLabel("Output 2 name").fill("sunny");
  await flow.panel.getByLabel("Output 2 type").selectOption("boolean");
  await flow.panel.getByLabel("Output 2 value").selectOption("if_else_1.result");
  await expect(flow.noProblems).toBeVisible();
  // Tidy up lays the steps out from top to bottom; undo puts them back (new steps sat beside End), redo lays them out
  // again.
  const box = async (id: string) => (await flow.node(id).boundingBox())!;
  const endLeftOfTool = async () => (await box("end")).x < (await box("mcp_tool_1")).x - 100;
  const endBelowIf = async () => (await box("end")).y > (await box("if_else_1")).y + 20;
  expect(await endLeftOfTool()).toBe(true);
  await page.getByRole("button", { name: "Tidy up" }).click();
  await expect.poll(endBelowIf).toBe(true);
  await flow.undo();
  await expect.poll(endLeftOfTool).toBe(true);
  await flow.redo();
  await expect.poll(endBelowIf).toBe(true);
  await flow.expectSaved();
  await docsScreenshot(page, "workflow-canvas.png");

  // Debug & Preview: fill the form, run the draft, and watch each node light up with its trace.
  const preview = new WorkflowPreviewPage(page);
  await page.getByRole("tab", { name: "Preview" }).click();
  await expect(preview.region).toBeVisible();
  peers.llm.script([{ text: "Sunny all week in Oslo." }]);
  await preview.input("City").fill("Oslo");
  await preview.region.getByRole("spinbutton", { name: "Days" }).fill("3");
  await preview.run();
  for (const id of ["start", "mcp_tool_1", "llm_1", "if_else_1", "end"]) {
    await expect(preview.row(id)).toHaveAttribute("data-status", "completed");
    await expect(preview.canvasNode(id)).toHaveAttribute("data-run-state", "completed");
  }
  await expect(preview.trace.getByTestId("run-outputs")).toContainText('"sunny": true');
  await preview.expand("mcp_tool_1");
  await preview.region.evaluate((element) => element.scrollIntoView({ block: "start" }));
  await expect(preview.row("mcp_tool_1")).toContainText("The sum of 3 and 10 is 13.");
  await docsScreenshot(page, "workflow-trace.png");

  // Publish, turn on the MCP server, and call it as any MCP client would.
  await page.getByRole("button", { name: "Publish" }).click();
  await expect(page.getByText("Version 1 is published.")).toBeVisible();
  const appId = page.url().match(/\/apps\/([^/?#]+)/)![1]!;
  const publish = new PublishPage(page);
  await publish.open(appId);
  await publish.turnOn({ description: "Plans a trip with the weather.", parameters: { City: "Where to go.", Days: "How many days." } });
  const url = await publish.url();

  const client = new Client({ name: "workflow-journey", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  const [tool] = (await client.listTools()).tools;
  expect(tool!.inputSchema).toMatchObject({ properties: { city: { type: "string" }, days: { type: "number" } }, required: ["city", "days"] });
  expect(tool!.outputSchema).toMatchObject({ properties: { forecast: { type: "string" }, sunny: { type: "boolean" } } });
  peers.llm.script([{ text: "Rainy in Bergen." }]);
  const steps: string[] = [];
  const result = await client.callTool({ name: tool!.name, arguments: { city: "Bergen", days: 2 } }, undefined, { onprogress: (p) => steps.push(p.message ?? "") });
  expect(result.structuredContent).toEqual({ forecast: "Rainy in Bergen.", sunny: false });
  expect(steps).toEqual(expect.arrayContaining(["Step Start completed", "Step MCP tool completed", "Step LLM completed", "Step If/Else completed", "Step End completed"]));
  expect(JSON.stringify(peers.llm.requests.at(-1))).toContain("Weather in Bergen? The sum of 2 and 10 is 12.");
  await client.close();
});

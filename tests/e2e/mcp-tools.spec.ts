import { expect, test } from "@playwright/test";
import { startScriptedLlm, type ChatRequestBody } from "../support/scripted-llm";
import { startServerEverything } from "../support/server-everything";
import { AppEditorPage } from "./pages/app-editor-page";
import { AppsPage } from "./pages/apps-page";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { ModelProvidersPage } from "./pages/model-providers-page";
import { ToolsPage } from "./pages/tools-page";
import { usePeers } from "./peers";

const peers = usePeers({ llm: startScriptedLlm, everything: () => startServerEverything("streamableHttp") });

/** The model-facing name the runtime offered for one of the server's tools (`<identifier>__<tool>`). */
function offeredTool(body: ChatRequestBody, tool: string) {
  const name = body.tools?.map((t) => t.function.name).find((n) => n.endsWith(`__${tool}`));
  if (!name) throw new Error(`the model was not offered ${tool}: ${JSON.stringify(body.tools?.map((t) => t.function.name))}`);
  return name;
}

test("an editor connects server-everything under Tools, tries a tool, gives all its tools to an agent, and sees the agent call one in Debug & Preview", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(newUser("toolsmith"));
  await expect(page).toHaveURL(/\/apps$/);
  const providers = new ModelProvidersPage(page);
  await providers.open();
  await providers.addOpenAiCompatible({ name: "Scripted", baseUrl: `${peers.llm.url}/v1`, apiKey: "sk-e2e" });
  await expect(providers.provider("Scripted").getByText("scripted-model")).toBeVisible();
  await providers.setDefaultModel("scripted-model");

  // Tools -> MCP: add the server, test the connection step by step, save it.
  const tools = new ToolsPage(page);
  await tools.open();
  await expect(page.getByText("No MCP servers connected")).toBeVisible();
  await tools.startAdding({ url: peers.everything.url, name: "Everything" });
  await expect(tools.addDialog.getByLabel("Server identifier")).toHaveValue("everything");
  const steps = await tools.testConnection();
  await expect(steps.getByRole("listitem")).toHaveCount(4);
  await expect(steps.getByRole("listitem").filter({ hasText: "Address check" })).toContainText("passed");
  await expect(steps.getByRole("listitem").filter({ hasText: "Transport" })).toContainText("Streamable HTTP");
  await expect(steps.getByRole("listitem").filter({ hasText: "Initialize" })).toContainText(/protocol \d{4}-\d{2}-\d{2}/);
  await expect(steps.getByRole("listitem").filter({ hasText: "Tools listed" })).toContainText("passed");
  await expect(tools.addDialog).toContainText("get-sum");
  await tools.save();

  const card = tools.card("Everything");
  await expect(card).toContainText("everything");
  await expect(card).toContainText("Connected");
  const toolCount = Number((await card.getByText(/^\d+ tools$/).textContent())!.split(" ")[0]);
  expect(toolCount).toBeGreaterThan(5);

  // The drawer lists every tool with its parameters; "Try it" calls one and shows its result.
  const drawer = await tools.openServer("Everything");
  await expect(drawer.getByRole("heading", { name: /Echo Tool/ })).toBeVisible();
  await drawer.getByRole("button", { name: "Try it: echo" }).click();
  const tryEcho = drawer.getByRole("form", { name: "Try echo" });
  await tryEcho.getByLabel("message").fill("hello from the browser");
  await tryEcho.getByRole("button", { name: "Run echo" }).click();
  await expect(drawer.getByRole("region", { name: "Tool result" })).toContainText("Echo: hello from the browser");
  // An image result is shown as a picture, as in Debug & Preview, not as base64 text.
  await drawer.getByRole("button", { name: "Try it: get-tiny-image" }).click();
  await drawer.getByRole("form", { name: "Try get-tiny-image" }).getByRole("button", { name: "Run get-tiny-image" }).click();
  const imageResult = drawer.getByRole("region", { name: "Tool result" }).filter({ has: page.getByTestId("tool-result-image") });
  await expect(imageResult.getByRole("button", { name: /^Enlarge image\/png image/ })).toBeVisible();
  await expect(imageResult.getByTestId("tool-result")).not.toContainText("iVBOR");
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();

  // An agent gets all of the server's tools, with a switch per tool.
  const apps = new AppsPage(page);
  await apps.open();
  await apps.create({ type: "Agent", name: "Calculator", icon: "🧪" });
  const editor = new AppEditorPage(page);
  await editor.setInstructions("Use the tools to answer.");
  await expect(editor.enabledTools).toHaveText("0/0 Enabled");
  await editor.addAllToolsOf("Everything");
  await expect(editor.enabledTools).toHaveText(`${toolCount}/${toolCount} Enabled`);
  // Long tool descriptions truncate: the editor does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  const bound = page.getByRole("list", { name: "Agent tools" }).getByRole("listitem", { name: "Everything tools" });
  await expect(bound.getByText("all tools")).toBeVisible();
  await editor.toolSwitch("echo", "Everything").click();
  await expect(editor.enabledTools).toHaveText(`${toolCount - 1}/${toolCount} Enabled`);
  await editor.toolSwitch("echo", "Everything").click();
  await expect(editor.enabledTools).toHaveText(`${toolCount}/${toolCount} Enabled`);
  await editor.expectSaved();

  // The scripted model calls get-sum; the tool step shows its arguments and the server's result.
  peers.llm.script([
    (body) => ({ toolCalls: [{ name: offeredTool(body, "get-sum"), arguments: { a: 2, b: 3 } }] }),
    (body) => ({ text: `The server says: ${JSON.stringify(body.messages.filter((m) => m.role === "tool").map((m) => m.content))}` }),
  ]);
  await editor.send("What is 2 plus 3?");
  await expect(editor.conversation).toContainText("The server says:");
  const step = await editor.openToolStep(/^Tool call .*__get-sum$/);
  await expect(step).toContainText("Done");
  await expect(step).toContainText(/\d+ ms/);
  await expect(step).toContainText('"a": 2');
  await expect(step).toContainText('"b": 3');
  await expect(step).toContainText("The sum of 2 and 3 is 5.");
  await expect(editor.conversation).toContainText("The sum of 2 and 3 is 5.");
  const offered = peers.llm.requests.at(-2)!.tools!.map((t) => t.function.name);
  expect(offered).toHaveLength(toolCount);
  expect(offered).toContain("everything__echo");
});

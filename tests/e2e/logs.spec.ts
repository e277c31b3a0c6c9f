// Issue 23, part "logs": Debug & Preview and Logs follow the newest message, a stopped tool step reads "Stopped",
// refused MCP clients show in the MCP calls log, and Logs read as a person expects (labelled inputs, caller, filters).
import { expect, test, type Page } from "@playwright/test";
import { startScriptedLlm, type ChatRequestBody } from "../support/scripted-llm";
import { startTestMcpServer } from "../support/test-mcp-server";
import { agentWithServer, api, chatApp, connect, ping } from "./published-app";
import { AppEditorPage } from "./pages/app-editor-page";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { LogsPage } from "./pages/logs-page";
import { usePeers } from "./peers";

// The size the issue measured at; Debug & Preview overflows after a few long answers.
test.use({ viewport: { width: 1440, height: 900 } });

const peers = usePeers({ llm: startScriptedLlm, tools: () => startTestMcpServer() });

/** An answer long enough to overflow Debug & Preview, whose last line names it. */
const longAnswer = (n: number) => `${Array.from({ length: 14 }, (_, i) => `Line ${i + 1} of answer ${n}.`).join("\n")}\nEnd of answer ${n}.`;

/** Signs up and adds the scripted model as a provider, through the console API. */
async function signedUpWithProvider(page: Page) {
  await new SignUpPage(page).open();
  await new SignUpPage(page).signUp(newUser("logreader"));
  await expect(page).toHaveURL(/\/apps$/);
  return api<{ id: string }>(page, "modelProviders.create", { kind: "openai_compatible", name: "Scripted", baseUrl: `${peers.llm.url}/v1`, apiKey: "sk-e2e" });
}

/** The model-facing name the runtime offered for one of the server's tools (`<identifier>__<tool>`). */
function offeredTool(body: ChatRequestBody, tool: string) {
  const name = body.tools?.map((t) => t.function.name).find((n) => n.endsWith(`__${tool}`));
  if (!name) throw new Error(`the model was not offered ${tool}`);
  return name;
}

async function publishServer(page: Page, appId: string) {
  await api(page, "apps.publish", { id: appId });
  const enabled = await api<{ url: string }>(page, "publishedServers.enable", {
    appId,
    toolName: "trip_planner",
    toolDescription: "Plans a trip.",
    parameterDescriptions: { city: "The city." },
  });
  return enabled.url;
}

test("Debug & Preview stays on the newest message while answers stream, and offers Jump to latest after scrolling up", async ({ page }) => {
  test.setTimeout(120_000);
  const app = await chatApp(page, peers.llm, "Long talker");
  await page.goto(`/apps/${app.id}`);
  const editor = new AppEditorPage(page);
  await editor.textInput("City").fill("Lisbon");

  for (const n of [1, 2, 3]) {
    peers.llm.script([{ text: longAnswer(n), chunkDelayMs: 5 }]);
    await editor.send(`Question ${n}?`);
    // While it streams and once it ends, the newest line is on screen, not below the fold.
    await expect.poll(() => editor.shareShown(`End of answer ${n}.`)).toBe(1);
    await expect(editor.preview.getByRole("button", { name: "Send" })).toBeVisible();
  }
  await expect(editor.jumpToLatest()).toBeHidden();

  // A slow answer; the person scrolls up to re-read: the view stays where they put it and offers the way back.
  peers.llm.script([{ text: longAnswer(4), chunkDelayMs: 60 }]);
  await editor.send("Question 4?");
  await expect(editor.conversation).toContainText("Line 3 of answer 4.");
  await editor.scrollConversationUp();
  await expect(editor.jumpToLatest()).toBeVisible();
  await expect.poll(() => editor.shareShown("Question 1?")).toBe(1);
  await expect(editor.conversation).toContainText("End of answer 4.", { timeout: 20_000 });
  expect(await editor.shareShown("End of answer 4.")).toBe(0);
  await editor.jumpToLatest().click();
  await expect.poll(() => editor.shareShown("End of answer 4.")).toBe(1);
  await expect(editor.jumpToLatest()).toBeHidden();

  // Logs' conversation view opens on the newest message too.
  const logs = new LogsPage(page);
  await logs.open(app.id);
  await logs.openConversation("Question 1?");
  await expect.poll(() => logs.shareShown("End of answer 4.")).toBe(1);
  expect(await logs.shareShown("Line 1 of answer 1.")).toBe(0);
});

test("a tool step cut short by Stop reads Stopped in Debug & Preview and in Logs, not a spinner or Error", async ({ page }) => {
  test.setTimeout(120_000);
  const provider = await signedUpWithProvider(page);
  const agent = await agentWithServer(page, { providerId: provider.id, server: { name: "Test tools", identifier: "test", url: peers.tools.url }, name: "Waiting agent", instructions: "Wait when asked." });

  await page.goto(`/apps/${agent.id}`);
  const editor = new AppEditorPage(page);
  peers.llm.script([(body) => ({ toolCalls: [{ name: offeredTool(body, "slow"), arguments: { ms: 30_000 } }] })]);
  await editor.send("Wait half a minute.");
  const step = editor.toolStep(/^Tool call .*slow$/);
  await expect(step.getByLabel("Running")).toBeVisible();
  await editor.stopButton().click();
  await expect(editor.conversation.getByText("Stopped.")).toBeVisible();
  await expect(step.getByText("Stopped", { exact: true })).toBeVisible();
  await expect(step.getByLabel("Running")).toHaveCount(0);
  await expect(step.getByText("Error", { exact: true })).toHaveCount(0);

  const logs = new LogsPage(page);
  await logs.open(agent.id);
  await logs.openConversation("Wait half a minute.");
  const logged = logs.messages.getByRole("group", { name: /^Tool call .*slow$/ });
  await expect(logged.getByText("Stopped", { exact: true })).toBeVisible();
  await expect(logged.getByText("Error", { exact: true })).toHaveCount(0);
});

test("a client refused for a missing API key shows in the MCP calls log", async ({ page }) => {
  const app = await chatApp(page, peers.llm, "Locked planner");
  const url = await publishServer(page, app.id);
  await api(page, "publishedServers.setAccess", { appId: app.id, mode: "api_key" });
  await api(page, "publishedServers.createKey", { appId: app.id, name: "Cursor" });
  expect((await ping(url)).status).toBe(401);

  const logs = new LogsPage(page);
  await logs.open(app.id);
  const refused = logs.mcpCalls.getByRole("row").filter({ hasText: "Refused" });
  await expect(refused).toHaveCount(1);
  await expect(refused).toContainText("no API key was sent");
});

test("Logs show inputs under their form labels, who called, the size of each conversation, and search and filters narrow the list", async ({ page }) => {
  test.setTimeout(120_000);
  const app = await chatApp(page, peers.llm, "Trip planner");
  const url = await publishServer(page, app.id);
  const client = await connect(url);
  peers.llm.script([{ text: "Day 1: the Louvre." }]);
  await client.callTool({ name: "trip_planner", arguments: { query: "Two days in Paris?", city: "Paris" } });
  await client.close();

  await page.goto(`/apps/${app.id}`);
  const editor = new AppEditorPage(page);
  await editor.textInput("City").fill("Lisbon");
  peers.llm.script([{ text: "Start at Belém." }]);
  await editor.send("Where to start in Lisbon?");
  await expect(editor.conversation).toContainText("Start at Belém.");

  const logs = new LogsPage(page);
  await logs.open(app.id);
  const mcp = logs.entry("Two days in Paris?");
  await expect(mcp).toContainText("MCP · e2e-client");
  await expect(mcp).toContainText("2 messages");
  await expect(mcp).toContainText("18 tokens");
  await expect(logs.entry("Where to start in Lisbon?")).toContainText(/Debug & Preview · \S+/);

  await logs.openConversation("Two days in Paris?");
  await expect(logs.input("City")).toHaveText("Paris");
  await expect(logs.inputs).not.toContainText("{");

  await logs.filterSource("MCP clients");
  await expect(logs.entry("Two days in Paris?")).toBeVisible();
  await expect(logs.entry("Where to start in Lisbon?")).toHaveCount(0);
  await logs.filterSource("All sources");
  await logs.search("Belém");
  await expect(logs.entry("Where to start in Lisbon?")).toBeVisible();
  await expect(logs.entry("Two days in Paris?")).toHaveCount(0);
  await logs.search("");
  await logs.filterDates({ to: "2020-01-01" });
  await expect(logs.noMatch).toBeVisible();
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(logs.conversations.getByRole("listitem")).toHaveCount(2);
});

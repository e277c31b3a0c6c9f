// Every console page at phone width (issue 23, defect 3): with realistic data (apps of each type, an MCP server with
// tools, a published server with keys and calls, logs with conversations), no page is wider than a 390 px window,
// in light and in dark mode. Data-driven: a new page is one more line in `routes`. PHONE_SHOTS=1 saves a picture of
// each page to .test-output/phone/ for a person to look at.
import { expect, test, type Page } from "@playwright/test";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";
import { AppEditorPage } from "./pages/app-editor-page";
import { AppsPage } from "./pages/apps-page";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { runConnectCheck } from "./pages/connect-check";
import { LogsPage } from "./pages/logs-page";
import { openNavigationDrawer } from "./pages/main-nav";
import { expectNoHorizontalOverflow, phone, useTheme } from "./pages/phone-check";
import { PublishPage } from "./pages/publish-page";
import { ToolsPage } from "./pages/tools-page";
import { WorkflowEditorPage } from "./pages/workflow-editor-page";
import { api, connect } from "./published-app";

let llm: ScriptedLlm;
let tools: TestMcpServer;
test.beforeAll(async () => {
  [llm, tools] = await Promise.all([startScriptedLlm(), startTestMcpServer({ extraTools: 3 })]);
});
test.afterAll(async () => {
  await Promise.all([llm?.close(), tools?.close()]);
});

type Seeded = { chat: string; agent: string; completion: string; workflow: string; inviteToken: string };
type Route = { name: string; path: (s: Seeded) => string; heading: string | RegExp; open?: (page: Page) => Promise<void> };

const chatName = "Lisbon Trip Planner With A Long Name";

// Every console route, and the states of a page that add the most width (drawers, dialogs, an open tab).
const routes: Route[] = [
  { name: "apps", path: () => "/apps", heading: "Apps" },
  { name: "navigation drawer", path: () => "/apps", heading: "Apps", open: openNavigationDrawer },
  { name: "chat editor", path: (s) => `/apps/${s.chat}`, heading: chatName },
  { name: "agent editor", path: (s) => `/apps/${s.agent}`, heading: "Tool Agent" },
  { name: "text generator editor", path: (s) => `/apps/${s.completion}`, heading: "Summaries" },
  { name: "workflow editor, End selected", path: (s) => `/apps/${s.workflow}`, heading: "Phone Workflow", open: (p) => new WorkflowEditorPage(p).select("end") },
  { name: "MCP server tab", path: (s) => `/apps/${s.chat}/publish`, heading: chatName },
  { name: "MCP server tab, connect check", path: (s) => `/apps/${s.chat}/publish`, heading: chatName, open: async (p) => void (await runConnectCheck(p)) },
  { name: "MCP server tab, Cursor snippet", path: (s) => `/apps/${s.chat}/publish`, heading: chatName, open: (p) => new PublishPage(p).showClientConfig("Cursor") },
  { name: "MCP server tab, Claude Code command", path: (s) => `/apps/${s.chat}/publish`, heading: chatName, open: (p) => new PublishPage(p).showClientConfig("Claude Code") },
  {
    name: "MCP server tab, sign-in for chosen people",
    path: (s) => `/apps/${s.chat}/publish`,
    heading: chatName,
    open: (p) => new PublishPage(p).selectAccess("Switchyard sign-in", { people: [] }),
  },
  { name: "versions", path: (s) => `/apps/${s.chat}/versions`, heading: chatName },
  { name: "chat logs", path: (s) => `/apps/${s.chat}/logs`, heading: chatName },
  {
    name: "agent logs, a conversation open",
    path: (s) => `/apps/${s.agent}/logs`,
    heading: "Tool Agent",
    open: (p) => new LogsPage(p).openNewestConversation(),
  },
  { name: "tools", path: () => "/tools", heading: "Tools" },
  { name: "tools, server drawer", path: () => "/tools", heading: "Tools", open: async (p) => void (await new ToolsPage(p).openServer("Test tools")) },
  { name: "tools, add dialog", path: () => "/tools", heading: "Tools", open: (p) => new ToolsPage(p).openAddDialog() },
  { name: "settings", path: () => "/settings", heading: "Settings" },
  { name: "members", path: () => "/settings/members", heading: "Settings" },
  { name: "API keys", path: () => "/settings/api-keys", heading: "Settings" },
  { name: "OAuth clients", path: () => "/settings/oauth-clients", heading: "Settings" },
  { name: "model providers", path: () => "/settings/model-providers", heading: "Settings" },
  { name: "workspace MCP server", path: () => "/settings/mcp-server", heading: "Settings" },
  { name: "workspace MCP server, Cursor snippet", path: () => "/settings/mcp-server", heading: "Settings", open: (p) => new PublishPage(p).showClientConfig("Cursor") },
  { name: "workspace MCP server call log", path: () => "/settings/mcp-server/logs", heading: "Settings" },
  { name: "account", path: () => "/account", heading: "Account" },
  { name: "new workspace", path: () => "/workspaces/new", heading: /./ },
  { name: "invite", path: (s) => `/invite/${s.inviteToken}`, heading: /./ },
];

// Pages seen signed out.
const publicRoutes: { name: string; path: string; heading: string }[] = [
  { name: "sign in", path: "/sign-in", heading: "Sign in to Switchyard" },
  { name: "sign up", path: "/sign-up", heading: "Create your account" },
];

/** Visits each route and names every one wider than the window, so one run lists them all. */
async function sweep(page: Page, theme: string, pages: { name: string; path: string; heading: string | RegExp; open?: (page: Page) => Promise<void> }[]) {
  const failures: string[] = [];
  for (const route of pages) {
    await page.goto(route.path);
    await expect(page.getByRole("heading", { level: 1, name: route.heading }).first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    await route.open?.(page);
    await page.waitForTimeout(300);
    if (process.env.PHONE_SHOTS === "1") await page.screenshot({ path: `.test-output/phone/${theme}-${route.name.replace(/[^a-z0-9]+/gi, "-")}.png`, fullPage: true });
    await expectNoHorizontalOverflow(page, route.name).catch((error: Error) => failures.push(error.message.split("\n\n")[0]!));
  }
  expect(failures, "pages wider than the phone").toEqual([]);
}

/** One account with something on every page, made mostly through the console API (the UI has its own specs). */
async function seed(page: Page): Promise<Seeded> {
  await new SignUpPage(page).open();
  await new SignUpPage(page).signUp(newUser("phone"));
  await expect(page).toHaveURL(/\/apps$/);
  // A new workspace's Apps page is the first-run checklist: it must fit before anything exists.
  await expect(page.getByText("Get started").first()).toBeVisible();
  await expectNoHorizontalOverflow(page, "apps, first-run checklist");
  const provider = await api<{ id: string }>(page, "modelProviders.create", { kind: "openai_compatible", name: "Scripted", baseUrl: `${llm.url}/v1`, apiKey: "sk-phone" });
  const model = { providerId: provider.id, model: "scripted-model" };
  await api(page, "modelProviders.refreshModels", { id: provider.id });
  await api(page, "modelProviders.setDefaultModel", model);
  await api(page, "apiKeys.create", { name: "deploy pipeline", role: "admin", expiresInDays: 90 });
  await api(page, "oauthClients.create", { name: "ChatGPT for the whole support team", redirectUris: ["https://chatgpt.com/connector_platform_oauth_redirect"], type: "confidential" });
  const invite = await api<{ url: string }>(page, "invites.create", { role: "editor" });
  const inviteToken = invite.url.split("/").pop()!;

  // An MCP server with tools, added through the dialog at phone width.
  const toolsPage = new ToolsPage(page);
  await toolsPage.open();
  await toolsPage.startAdding({ url: tools.url, name: "Test tools" });
  await toolsPage.save();

  const chat = await api<{ id: string }>(page, "apps.create", { type: "chat", name: chatName });
  await api(page, "apps.updateDraft", {
    id: chat.id,
    draft: { instructions: "Plan trips to {{city}}.", model, variables: [{ key: "city", label: "City", type: "text", required: true, description: "Where to go" }] },
  });
  await api(page, "apps.publish", { id: chat.id });
  const { url } = await api<{ url: string }>(page, "publishedServers.enable", { appId: chat.id, toolName: "trip_planner", toolDescription: "Plans a trip to a city.", parameterDescriptions: { city: "The city to visit." } });
  await api(page, "publishedServers.setAccess", { appId: chat.id, mode: "api_key" });
  const { key: secret } = await api<{ key: string }>(page, "publishedServers.createKey", { appId: chat.id, name: "Cursor on my laptop" });
  const withKey: typeof fetch = (input, init) => fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), authorization: `Bearer ${secret}` } });
  const client = await connect(url, withKey);
  llm.script([{ text: "Day 1: the Castelo de São Jorge, then https://example.com/a/very/long/link/that/does/not/break/by/itself/at/all/really" }]);
  await client.callTool({ name: "trip_planner", arguments: { query: "Two days?", city: "Lisbon" } });
  await client.close();
  // The workspace server with a key and a call, so its page shows every card and its log a row.
  const workspaceServer = await api<{ url: string }>(page, "workspaceServer.enable", undefined);
  await api(page, "workspaceServer.setAccess", { mode: "api_key" });
  const { key: workspaceKey } = await api<{ key: string }>(page, "workspaceServer.createKey", { name: "Claude Code on the build machine" });
  const withWorkspaceKey: typeof fetch = (input, init) =>
    fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), authorization: `Bearer ${workspaceKey}` } });
  const workspaceClient = await connect(workspaceServer.url, withWorkspaceKey);
  llm.script([{ text: "Day 1: Alfama." }]);
  await workspaceClient.callTool({ name: "trip_planner", arguments: { query: "One day?", city: "Lisbon" } });
  await workspaceClient.close();

  const completion = await api<{ id: string }>(page, "apps.create", { type: "completion", name: "Summaries" });
  await api(page, "apps.updateDraft", {
    id: completion.id,
    draft: { instructions: "Summarize {{text}}", model, variables: [{ key: "text", label: "Text to summarize", type: "paragraph", required: true }] },
  });

  // An agent with the server's tools, and a Debug & Preview conversation with a tool step.
  const apps = new AppsPage(page);
  await apps.open();
  const agent = await apps.create({ type: "Agent", name: "Tool Agent" });
  const editor = new AppEditorPage(page);
  await editor.setInstructions("Use the tools.");
  await editor.addAllToolsOf("Test tools");
  await editor.expectSaved();
  llm.script([{ toolCalls: [{ name: "test_tools__echo", arguments: { text: "a-long-unbroken-argument-".repeat(6) } }] }, { text: "Echoed it." }]);
  await editor.send("Echo something long");
  await expect(editor.conversation).toContainText("Echoed it.", { timeout: 20_000 });
  const workflow = await api<{ id: string }>(page, "apps.create", { type: "workflow", name: "Phone Workflow" });
  return { chat: chat.id, agent, completion: completion.id, workflow: workflow.id, inviteToken };
}

for (const theme of ["light", "dark"] as const) {
  test(`every console page fits a 390 px phone in ${theme} mode`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(phone);
    await useTheme(page, theme);
    const seeded = await seed(page);
    await sweep(page, theme, routes.map((route) => ({ ...route, path: route.path(seeded) })));
  });

  test(`the sign-in and sign-up pages fit a 390 px phone in ${theme} mode`, async ({ page }) => {
    await page.setViewportSize(phone);
    await useTheme(page, theme);
    await sweep(page, theme, publicRoutes);
  });
}

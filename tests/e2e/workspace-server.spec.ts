// Issue 26, the console's side: an owner turns the workspace MCP server on, sees each published app as a tool (one
// name disambiguated, and the page says why), switches one off, edits the instructions, regenerates the URL after
// confirming and turns the server off after confirming; an MCP client sees each change at its next request. A member
// never sees the URL. With SCREENSHOTS=1 it saves docs/screenshots/workspace-server.png.
import { expect, test } from "@playwright/test";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { WorkspaceServerPage } from "./pages/workspace-server-page";
import { api, chatApp, connect, ping } from "./published-app";
import { docsScreenshot } from "./screenshot";

let llm: ScriptedLlm;
test.beforeAll(async () => {
  llm = await startScriptedLlm();
});
test.afterAll(() => llm.close());

async function toolNames(url: string) {
  const client = await connect(url);
  try {
    return { names: (await client.listTools()).tools.map((t) => t.name).sort(), instructions: client.getInstructions() };
  } finally {
    await client.close();
  }
}

test("an owner offers the workspace's apps through one MCP server and curates its tools", async ({ page }) => {
  const first = await chatApp(page, llm, "Trip planner");
  await api(page, "apps.publish", { id: first.id });
  // Same name, so the same wanted tool name: the newer app is offered under another name.
  const second = await api<{ id: string }>(page, "apps.duplicate", { id: first.id });
  await api(page, "apps.update", { id: second.id, name: "Trip planner" });
  await api(page, "apps.publish", { id: second.id });
  const summary = await api<{ id: string }>(page, "apps.duplicate", { id: first.id });
  await api(page, "apps.update", { id: summary.id, name: "City summary" });
  await api(page, "apps.publish", { id: summary.id });

  const server = new WorkspaceServerPage(page);
  await server.open();
  await server.turnOn();
  const url = await server.url();
  expect(url).toMatch(/\/mcp\/server\/[^/]+\/mcp$/);
  await expect(server.app("Trip planner").getByRole("switch")).toBeChecked();
  await expect(server.apps).toContainText("Offered as trip_planner_2: trip_planner is taken by Trip planner.");
  await expect(page.getByRole("tab", { name: "Cursor", exact: true })).toBeVisible();
  expect((await toolNames(url)).names).toEqual(["city_summary", "trip_planner", "trip_planner_2"]);

  await server.setIncluded("City summary", false);
  await expect(server.app("City summary")).toContainText("not offered");
  expect((await toolNames(url)).names).toEqual(["trip_planner", "trip_planner_2"]);

  await server.saveInstructions("Travel tools of the Lisbon office: plan first, then summarize.");
  expect((await toolNames(url)).instructions).toBe("Travel tools of the Lisbon office: plan first, then summarize.");
  await page.getByRole("heading", { name: "Workspace MCP server" }).scrollIntoViewIfNeeded();
  await docsScreenshot(page, "workspace-server.png");

  const fresh = await server.regenerate();
  expect((await ping(url)).status).toBe(404);
  expect((await ping(fresh)).status).toBe(200);

  await server.turnOff({ confirm: false });
  await server.turnOff();
  expect((await ping(fresh)).status).toBe(503);
});

test("a member sees neither the URL nor the settings, only a note and the call log", async ({ page, browser }) => {
  const app = await chatApp(page, llm, "Door planner");
  await api(page, "apps.publish", { id: app.id });
  await api(page, "workspaceServer.enable", undefined);
  const invite = await api<{ url: string }>(page, "invites.create", { role: "member" });

  const context = await browser.newContext();
  const member = await context.newPage();
  await member.goto(invite.url);
  await member.getByRole("link", { name: "Create an account to join" }).click();
  await new SignUpPage(member).signUp(newUser("member"));
  await member.getByRole("button", { name: "Accept invite" }).click();
  await expect(member).toHaveURL(/\/apps$/);

  await member.goto("/settings/mcp-server");
  await expect(member.getByText("The MCP server is managed by editors")).toBeVisible();
  await expect(member.getByRole("textbox", { name: "Server URL" })).toHaveCount(0);
  await expect(member.getByText("/mcp/server/")).toHaveCount(0);
  await member.getByRole("link", { name: "Call log" }).click();
  await expect(member.getByRole("heading", { name: "MCP calls" })).toBeVisible();
  await expect(member.getByLabel("App")).toContainText("Door planner");
  await context.close();
});

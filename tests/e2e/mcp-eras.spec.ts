// Tools -> MCP with servers of each protocol era: the connection test names the era found, HTTP+SSE is marked
// deprecated, and a server that says its tools changed (list_changed) is marked until its tools are refreshed.
import { expect, test } from "@playwright/test";
import { startModernMcpServer, type ModernMcpServer } from "../support/modern-mcp-server";
import { startSessionMcpServer, type SessionMcpServer } from "../support/session-mcp-server";
import { startSseMcpServer, type SseMcpServer } from "../support/sse-mcp-server";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { expectNoHorizontalOverflow, phone } from "./pages/phone-check";
import { ToolsPage } from "./pages/tools-page";

let modern: ModernMcpServer;
let stateful: SessionMcpServer;
let sse: SseMcpServer;
test.beforeAll(async () => {
  [modern, stateful, sse] = await Promise.all([startModernMcpServer(), startSessionMcpServer(), startSseMcpServer()]);
});
test.afterAll(async () => {
  await Promise.all([modern?.close(), stateful?.close(), sse?.close()]);
});

test("an editor sees the era each server speaks, HTTP+SSE marked deprecated, and refreshes tools a server says changed", async ({ page }) => {
  test.setTimeout(120_000);
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(newUser("eras"));
  await expect(page).toHaveURL(/\/apps$/);
  const tools = new ToolsPage(page);
  await tools.open();

  // A 2026-07-28 server: discovered, no session.
  await tools.startAdding({ url: modern.url, name: "Modern" });
  await expect(tools.transportStep(await tools.testConnection())).toContainText("2026-07-28 (stateless)");
  await tools.save();

  // HTTP+SSE: the picker and the trace say it is deprecated, and so does the server's sheet.
  await tools.startAdding({ url: sse.url, name: "Old SSE" });
  await expect(tools.addDialog.getByLabel("Transport").getByRole("option", { name: "HTTP+SSE (deprecated)" })).toBeAttached();
  await expect(tools.transportStep(await tools.testConnection())).toContainText(/HTTP\+SSE \(deprecated\): Streamable HTTP was refused, so Auto fell back to it/);
  await tools.save();
  const oldSse = await tools.openServer("Old SSE");
  await expect(oldSse.getByRole("note", { name: "HTTP+SSE is deprecated" })).toBeVisible();
  await page.keyboard.press("Escape");

  // A stateful 2025 server that changes its tools while a tool runs.
  await tools.startAdding({ url: stateful.url, name: "Stateful" });
  await expect(tools.transportStep(await tools.testConnection())).toContainText("2025-11-25 Streamable HTTP, session");
  await tools.save();
  const drawer = await tools.openServer("Stateful");
  await expect(drawer.getByText("2025-11-25 Streamable HTTP, session", { exact: true })).toBeVisible();
  await expect(tools.toolsChangedNote(drawer)).toHaveCount(0);
  await tools.runToolWithoutArguments(drawer, "rearrange");
  await expect(tools.toolsChangedNote(drawer)).toContainText("The server's tools changed");
  // The card says so too (the list is hidden from the accessibility tree while the sheet is open).
  await page.keyboard.press("Escape");
  await expect(tools.card("Stateful").getByText("Tools changed")).toBeVisible();

  // At phone width the sheet with the note and its button fits.
  await page.setViewportSize(phone);
  const again = await tools.openServer("Stateful");
  await expect(tools.toolsChangedNote(again)).toBeVisible();
  await expectNoHorizontalOverflow(page, "the server sheet with its tools-changed note");
  await tools.refreshChangedTools(again, "Stateful");
  await expect(tools.toolsChangedNote(again)).toHaveCount(0);
  await page.keyboard.press("Escape");
  await expect(tools.card("Stateful")).toBeVisible();
  await expect(tools.card("Stateful").getByText("Tools changed")).toHaveCount(0);
  // Every session the console opened was ended with DELETE.
  await expect.poll(() => stateful.open()).toBe(0);
  expect(stateful.deleted.sort()).toEqual([...stateful.opened].sort());
});

// Issue 23, publishing: the pointer after Publish and the quiet Publish button, snippets that carry the key an API-key
// server requires ("copy config with this key"), and a disabled server that is unmistakable in the console and on the wire.
import { expect, test } from "@playwright/test";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { AppEditorPage } from "./pages/app-editor-page";
import { PublishPage } from "./pages/publish-page";
import { chatApp, connect } from "./published-app";

let llm: ScriptedLlm;
test.beforeAll(async () => {
  llm = await startScriptedLlm();
});
test.afterAll(() => llm.close());

const withBearer = (key: string): typeof fetch => (input, init) =>
  fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), authorization: `Bearer ${key}` } });

test("after Publish the editor points to the MCP Server tab and the Publish button is quiet until the draft changes", async ({ page }) => {
  const app = await chatApp(page, llm, "Pointer Planner");
  const editor = new AppEditorPage(page);
  await page.goto(`/apps/${app.id}`);
  await expect(editor.publishedPointer).toHaveCount(0);
  await editor.publish(1);

  await expect(editor.publishedPointer).toBeVisible();
  await expect(editor.publishedButton).toBeDisabled();
  await expect(page.getByRole("button", { name: "Publish", exact: true })).toHaveCount(0);

  await editor.setInstructions("Plan slow trips to {{city}}.");
  await expect(page.getByRole("button", { name: "Publish", exact: true })).toBeEnabled();
  await editor.expectSaved();
  await expect(page.getByRole("button", { name: "Publish", exact: true })).toBeEnabled();

  await editor.publishedPointer.getByRole("link", { name: "Connect a client" }).click();
  await expect(page).toHaveURL(new RegExp(`/apps/${app.id}/publish$`));
});

test("in API-key mode the snippets send a key, the new key's dialog copies a working config, and a disabled server is unmistakable", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const app = await chatApp(page, llm, "Key Planner");
  await page.goto(`/apps/${app.id}`);
  await new AppEditorPage(page).publish(1);
  const publish = new PublishPage(page);
  await publish.open(app.id);
  await publish.turnOn({ description: "Plans a trip.", parameters: { "City (city)": "The city." } });
  const url = await publish.url();
  expect(await publish.snippet("Cursor")).not.toContain("Authorization");
  await publish.chooseAccess("API key");

  // Created: the key is known only now, so the dialog copies a configuration with it filled in.
  const key = await publish.createKey("Ada's Cursor");
  const copied = JSON.parse(await publish.copyConfigWithKey("Cursor"));
  expect(copied).toEqual({ mcpServers: { key_planner: { url, headers: { Authorization: `Bearer ${key}` } } } });
  const client = await connect(copied.mcpServers.key_planner.url, withBearer(copied.mcpServers.key_planner.headers.Authorization.slice(7)));
  expect((await client.listTools()).tools).toHaveLength(1);
  await client.close();
  expect(await publish.copyConfigWithKey("mcp-remote (stdio)")).toContain(`Authorization: Bearer ${key}`);
  expect(await publish.copyConfigWithKey("Claude Code")).toBe(`claude mcp add --transport http key_planner ${url} --header "Authorization: Bearer ${key}"`);
  await publish.closeKeyDialog();

  // In API-key mode the card's snippets include the header (a placeholder: the key itself is never shown again).
  for (const client of ["Claude Code", "Cursor", "VS Code", "mcp-remote (stdio)"] as const) {
    const snippet = await publish.snippet(client);
    expect(snippet).toContain("Authorization");
    expect(snippet).toContain("Bearer <your API key>");
    expect(snippet).not.toContain(key);
  }

  // Off: a clear panel, and neither the URL nor any configuration is offered; clients get 503.
  await publish.turnOff();
  await expect(publish.offPanel).toContainText("This server is off");
  await expect(publish.offPanel).toContainText("503");
  await expect(page.getByRole("textbox", { name: "Server URL" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Copy server URL" })).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Connect a client" })).toHaveCount(0);
  const refused = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `Bearer ${key}` },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
  });
  expect(refused.status).toBe(503);
  expect((await refused.json()).error.message).toMatch(/server is not active/);
  await expect(connect(url, withBearer(key))).rejects.toMatchObject({ code: 503 });

  await publish.turnOnAgain();
  expect(await publish.url()).toBe(url);
  const again = await connect(url, withBearer(key));
  expect((await again.listTools()).tools).toHaveLength(1);
  await again.close();
});

import { expect, test, type Page } from "@playwright/test";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { chatApp, connect, onSecondInstance, ping, scaledOut } from "./published-app";
import { PublishPage } from "./pages/publish-page";

let llm: ScriptedLlm;
test.beforeAll(async () => {
  llm = await startScriptedLlm();
});
test.afterAll(() => llm.close());

test("an owner publishes an app, turns on its MCP server, calls it with the SDK, regenerates the URL, and the old URL is refused", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const app = await chatApp(page, llm, "Trip Planner");

  const publish = new PublishPage(page);
  await publish.open(app.id);
  await expect(page.getByRole("switch", { name: "MCP server" })).toBeDisabled();
  await expect(page.getByText("Publish the app first")).toBeVisible();

  await page.goto(`/apps/${app.id}`);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published v1")).toBeVisible();

  await page.getByRole("link", { name: "MCP Server" }).click();
  await expect(page.getByText("Disabled", { exact: true })).toBeVisible();
  await publish.turnOn({ description: "Plans a trip to a city.", parameters: { "City (city)": "The city to visit." } });
  const url = await publish.copyUrl();
  expect(url).toBe(await publish.url());
  expect(url).toMatch(/^http:\/\/localhost:\d+\/mcp\/server\/[A-Za-z0-9_-]{32}\/mcp$/);
  await expect(page.getByRole("tab", { name: "Cursor" })).toBeVisible();

  const client = await connect(url);
  const { tools } = await client.listTools();
  expect(tools).toEqual([expect.objectContaining({ name: "trip_planner", title: "Trip Planner", description: "Plans a trip to a city." })]);
  llm.script([{ text: "Day 1: the Louvre." }]);
  const result = await client.callTool({ name: "trip_planner", arguments: { query: "Two days?", city: "Paris" } });
  expect(result.structuredContent).toMatchObject({ answer: "Day 1: the Louvre." });
  expect(llm.requests.at(-1)!.messages[0]).toEqual({ role: "system", content: "Plan trips to Paris." });

  const fresh = await publish.regenerate();
  expect(fresh).not.toBe(url);
  await expect(client.listTools()).rejects.toMatchObject({ code: 404 });
  expect((await ping(url)).status).toBe(404);
  if (scaledOut) {
    // No instance keeps the old code: the second one refuses it too, and serves the new one.
    expect((await ping(onSecondInstance(url))).status).toBe(404);
    expect((await ping(onSecondInstance(fresh))).status).toBe(200);
  }
  await client.close();
  const again = await connect(fresh);
  expect((await again.listTools()).tools).toHaveLength(1);
  await again.close();

  // API-key access and a server key, shown once: without it the URL alone is refused; with it the client gets in.
  await publish.chooseAccess("API key");
  await page.getByRole("button", { name: "Create key" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Ada's Claude Desktop");
  await dialog.getByRole("button", { name: "Create key" }).click();
  const key = await dialog.getByLabel("New server API key").inputValue();
  expect(key).toMatch(/^sym_/);
  await dialog.getByRole("button", { name: "Done" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("list", { name: "Server API keys" }).getByText("Ada's Claude Desktop")).toBeVisible();
  expect((await ping(fresh)).status).toBe(401);
  const keyed = await connect(fresh, (input, init) => fetch(input, { ...init, headers: { ...Object.fromEntries(new Headers(init?.headers)), authorization: `Bearer ${key}` } }));
  expect((await keyed.listTools()).tools).toHaveLength(1);
  await page.getByRole("list", { name: "Server API keys" }).getByRole("button", { name: "Revoke" }).click();
  await page.getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText("No keys yet: no client can connect until you create one.")).toBeVisible();
  // Back to the URL alone (confirmed first: it opens the server up): clients get in without a key.
  await publish.chooseAccess("Anyone with the URL");
  await expect(page.getByRole("heading", { name: "API keys" })).toHaveCount(0);
  expect((await ping(fresh)).status).toBe(200);
  await keyed.close();

  await page.getByRole("link", { name: "Logs" }).click();
  const calls = page.getByRole("table", { name: "MCP calls" });
  await expect(calls.getByText("tools/call")).toBeVisible();
  await expect(calls.getByText("e2e-client 1.0.0").first()).toBeVisible();
});

/** A chat app published and turned on, for the cancellation tests: its server URL. */
async function publishSlowApp(page: Page, name: string): Promise<string> {
  const app = await chatApp(page, llm, name);
  await page.goto(`/apps/${app.id}`);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published v1")).toBeVisible();
  const publish = new PublishPage(page);
  await publish.open(app.id);
  await publish.turnOn({ description: "Plans slowly.", parameters: { "City (city)": "The city." } });
  return publish.url();
}

// Needs PostgreSQL and Redis, so that the e2e server runs two instances.
if (scaledOut) test("a call cancelled through another instance stops the model on the instance running it", async ({ page }) => {
  const url = await publishSlowApp(page, "Slow Planner");

  // Everything goes to the first instance except the cancellation, which a load balancer sent to the second.
  const routed: typeof fetch = (input, init) => {
    const cancelling = typeof init?.body === "string" && init.body.includes("notifications/cancelled");
    return fetch(cancelling ? onSecondInstance(String(input)) : input, init);
  };
  const client = await connect(url, routed);
  const before = llm.requests.length;
  // No progress token: the answer is asked for whole, and the model takes its time before giving it.
  llm.script([{ text: "one two three four five six seven eight nine ten eleven twelve", delayMs: 15_000 }]);
  const controller = new AbortController();
  const call = client.callTool({ name: "slow_planner", arguments: { query: "Slowly", city: "Rome" } }, undefined, { signal: controller.signal });
  await expect.poll(() => llm.requests.length).toBe(before + 1);
  controller.abort("stop");
  await expect(call).rejects.toThrow();
  await expect.poll(() => llm.abortedRequests.includes(before), { timeout: 8_000 }).toBe(true);
  await client.close();
});

if (scaledOut) test("a 2026-07-28 call cancelled through another instance stops the model and its open request ends with no answer", async ({ page }) => {
  const url = await publishSlowApp(page, "Slow Modern");

  const meta = { "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {} };
  const headers = (method: string, name?: string) => ({
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    "mcp-protocol-version": "2026-07-28",
    "mcp-method": method,
    ...(name ? { "mcp-name": name } : {}),
  });
  const before = llm.requests.length;
  llm.script([{ text: "one two three four five six seven eight nine ten", delayMs: 15_000 }]);
  const call = fetch(url, {
    method: "POST",
    headers: headers("tools/call", "slow_modern"),
    body: JSON.stringify({ jsonrpc: "2.0", id: 77, method: "tools/call", params: { name: "slow_modern", arguments: { query: "Slowly", city: "Rome" }, _meta: meta } }),
  });
  await expect.poll(() => llm.requests.length).toBe(before + 1);
  const cancel = await fetch(onSecondInstance(url), {
    method: "POST",
    headers: headers("notifications/cancelled"),
    body: JSON.stringify({ jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 77, _meta: meta } }),
  });
  expect(cancel.status).toBe(202);
  await expect.poll(() => llm.abortedRequests.includes(before), { timeout: 8_000 }).toBe(true);
  const response = await call;
  expect(response.status).toBe(202);
  expect(await response.text()).toBe("");
});

import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test, type Page } from "@playwright/test";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { PublishPage } from "./pages/publish-page";

let llm: ScriptedLlm;
test.beforeAll(async () => {
  llm = await startScriptedLlm();
});
test.afterAll(() => llm.close());

/** A console API call with the browser's session, as the console's own pages make them. */
async function api<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.post(`/api/trpc/${path}`, { data: { json: input } });
  expect(response.ok(), await response.text()).toBe(true);
  return (await response.json()).result.data.json as T;
}

async function connect(url: string, fetchImpl?: typeof fetch) {
  const client = new Client({ name: "e2e-client", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), fetchImpl ? { fetch: fetchImpl } : undefined));
  return client;
}

// With PostgreSQL and Redis the e2e server runs a second instance on the next port, as behind a load balancer.
const scaledOut = Boolean(process.env.DATABASE_URL && (process.env.REDIS_URL || process.env.UPSTASH_REDIS_REST_URL));
const onSecondInstance = (url: string) => url.replace(/:(\d+)\//, (_, port: string) => `:${Number(port) + 1}/`);

function ping(url: string) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "ping" }),
  });
}

/** Signs up and makes a chat app on the scripted model through the console API (the editor has its own specs). */
async function chatApp(page: Page, name: string) {
  await new SignUpPage(page).open();
  await new SignUpPage(page).signUp(newUser("publisher"));
  await expect(page).toHaveURL(/\/apps$/);
  const provider = await api<{ id: string }>(page, "modelProviders.create", { kind: "openai_compatible", name: "Scripted", baseUrl: `${llm.url}/v1`, apiKey: "sk-e2e" });
  const app = await api<{ id: string }>(page, "apps.create", { type: "chat", name });
  await api(page, "apps.updateDraft", {
    id: app.id,
    draft: { instructions: "Plan trips to {{city}}.", model: { providerId: provider.id, model: "scripted-model" }, variables: [{ key: "city", label: "City", type: "text", required: true, description: "Where to go" }] },
  });
  return app;
}

test("an owner publishes an app, turns on its MCP server, calls it with the SDK, regenerates the URL, and the old URL is refused", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const app = await chatApp(page, "Trip Planner");

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

  await page.getByRole("link", { name: "Logs" }).click();
  const calls = page.getByRole("table", { name: "MCP calls" });
  await expect(calls.getByText("tools/call")).toBeVisible();
  await expect(calls.getByText("e2e-client 1.0.0").first()).toBeVisible();
});

test("a call cancelled through another instance stops the model on the instance running it", async ({ page }) => {
  test.skip(!scaledOut, "needs PostgreSQL and Redis, so the e2e server runs two instances");
  const app = await chatApp(page, "Slow Planner");
  await page.goto(`/apps/${app.id}`);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByText("Published v1")).toBeVisible();
  const publish = new PublishPage(page);
  await publish.open(app.id);
  await publish.turnOn({ description: "Plans slowly.", parameters: { "City (city)": "The city." } });
  const url = await publish.url();

  // Everything goes to the first instance except the cancellation, which a load balancer sent to the second.
  const routed: typeof fetch = (input, init) => {
    const cancelling = typeof init?.body === "string" && init.body.includes("notifications/cancelled");
    return fetch(cancelling ? onSecondInstance(String(input)) : input, init);
  };
  const client = await connect(url, routed);
  const before = llm.requests.length;
  llm.script([{ text: "one two three four five six seven eight nine ten eleven twelve", chunkDelayMs: 1000 }]);
  const controller = new AbortController();
  const call = client.callTool({ name: "slow_planner", arguments: { query: "Slowly", city: "Rome" } }, undefined, { signal: controller.signal });
  await expect.poll(() => llm.requests.length).toBe(before + 1);
  controller.abort("stop");
  await expect(call).rejects.toThrow();
  await expect.poll(() => llm.abortedRequests.includes(before), { timeout: 8_000 }).toBe(true);
  await client.close();
});

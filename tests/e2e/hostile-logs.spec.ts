import { expect, test } from "@playwright/test";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { api } from "./published-app";
import { PublishPage } from "./pages/publish-page";

let llm: ScriptedLlm;
test.beforeAll(async () => {
  llm = await startScriptedLlm({ fallback: { text: "Day 1: the Louvre." } });
});
test.afterAll(() => llm.close());

// Written by hand, so the keys reach the server exactly as an anonymous attacker types them.
const hostileCall = (city: string) =>
  `{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"hostile_trips","arguments":{"query":"Two days?","city":"${city}","__proto__":{"polluted":"yes"},"extra":{"constructor":{"prototype":{"isAdmin":true}}}}}}`;

test("after an anonymous MCP call with __proto__ and constructor keys, the Logs page and the MCP Server tab still render", async ({ page }) => {
  await new SignUpPage(page).open();
  await new SignUpPage(page).signUp(newUser("hostile"));
  await expect(page).toHaveURL(/\/apps$/);
  const provider = await api<{ id: string }>(page, "modelProviders.create", { kind: "openai_compatible", name: "Scripted", baseUrl: `${llm.url}/v1`, apiKey: "sk-e2e" });
  const app = await api<{ id: string }>(page, "apps.create", { type: "chat", name: "Hostile Trips" });
  await api(page, "apps.updateDraft", {
    id: app.id,
    draft: {
      model: { providerId: provider.id, model: "scripted-model" },
      variables: [{ key: "city", label: "City", type: "text", required: true }, { key: "extra", label: "Extra", type: "json" }],
    },
  });
  await api(page, "apps.publish", { id: app.id });
  const server = await api<{ url: string }>(page, "publishedServers.enable", {
    appId: app.id,
    toolName: "hostile_trips",
    toolDescription: "Plans trips.",
    parameterDescriptions: { city: "The city.", extra: "Anything." },
  });

  const response = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json", accept: "application/json, text/event-stream" }, body: hostileCall("Paris") });
  expect(response.status).toBe(200);
  await response.text();

  // app -> Logs: both panels, the conversation (its inputs as written) and the MCP call with its arguments.
  await page.goto(`/apps/${app.id}/logs`);
  const calls = page.getByRole("table", { name: "MCP calls" });
  await expect(calls.getByText("tools/call")).toBeVisible();
  await expect(calls.getByText('"__proto__":{"polluted":"yes"}')).toBeVisible();
  await page.getByRole("list", { name: "Conversations" }).getByRole("button").first().click();
  await expect(page.getByText('"constructor": {')).toBeVisible();
  await expect(page.getByText(/Detected property|prototype pollution|Something went wrong/)).toHaveCount(0);

  // The MCP Server tab reads the same app and server.
  await new PublishPage(page).open(app.id);
  await expect(page.getByText("Running", { exact: true })).toBeVisible();
  await expect(page.getByText(/Detected property|Something went wrong/)).toHaveCount(0);
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty("polluted");
});

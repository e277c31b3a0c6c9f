// Issue 26, what hosts read about a tool: the owner sets how clients treat it (annotations) on the MCP Server tab, by
// keyboard; tools/list and the server card show it at the next request; the tool's icon is an image with its own
// strict headers; the deployment's card lists no server.
import { expect, test } from "@playwright/test";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { PublishPage } from "./pages/publish-page";
import { ToolHintsCard } from "./pages/tool-hints-card";
import { api, chatApp, connect } from "./published-app";

let llm: ScriptedLlm;
test.beforeAll(async () => {
  llm = await startScriptedLlm();
});
test.afterAll(() => llm.close());

test("the owner overrides a hint and resets it; tools/list, the server card and the icon follow", async ({ page }) => {
  const app = await chatApp(page, llm, "Hint Planner");
  await api(page, "apps.publish", { id: app.id });
  const { url } = await api<{ url: string }>(page, "publishedServers.enable", { appId: app.id, toolName: "hint_planner", toolDescription: "Plans a trip.", parameterDescriptions: { city: "The city." } });
  const code = /\/mcp\/server\/([^/]+)\/mcp/.exec(url)![1];
  const client = await connect(url);
  const annotations = async () => (await client.listTools()).tools[0]!.annotations;
  expect(await annotations()).toMatchObject({ readOnlyHint: true, destructiveHint: false });

  await new PublishPage(page).open(app.id);
  const hints = new ToolHintsCard(page);
  await expect(hints.hint("Only reads")).toHaveValue("auto");
  await expect(hints.hint("Only reads").locator("option:checked")).toHaveText("Automatic (yes)");
  await expect(page.getByText("Automatic: yes. It only asks its model: nothing outside changes.").first()).toBeVisible();

  await hints.choose("Only reads", "No");
  await hints.choose("May delete or overwrite", "Yes");
  await hints.save();
  await expect(page.getByText("Automatic would be yes. It only asks its model: nothing outside changes.")).toBeVisible();
  expect(await annotations()).toMatchObject({ readOnlyHint: false, destructiveHint: true });
  const card = await (await page.request.get(`/.well-known/mcp/server-card/${code}`)).json();
  expect(card.tools[0].annotations).toMatchObject({ readOnlyHint: false, destructiveHint: true });

  // The icon from tools/list: an SVG with the image policy (next.config.ts gives /mcp/icons its own, not the JSON one).
  const [tool] = (await client.listTools()).tools;
  const icon = await page.request.get(tool!.icons![0]!.src);
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toBe("image/svg+xml");
  expect(icon.headers()["content-security-policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'");
  expect(icon.headers()["x-content-type-options"]).toBe("nosniff");
  expect(icon.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect(await icon.text()).toContain("<text");
  expect((await page.request.get(tool!.icons![0]!.src.replace(/\.svg$/, ".png"))).status()).toBe(404);
  expect((await page.request.get(url)).headers()["content-security-policy"]).toContain("default-src 'none'; base-uri 'none'");

  await hints.choose("Only reads", "Automatic (yes)");
  await hints.choose("May delete or overwrite", "Automatic (no)");
  await hints.save();
  expect(await annotations()).toMatchObject({ readOnlyHint: true, destructiveHint: false });
  await client.close();

  const deployment = await page.request.get("/.well-known/mcp/server-card.json");
  expect(deployment.headers()["access-control-allow-origin"]).toBe("*");
  expect(JSON.stringify(await deployment.json())).not.toContain(code);
});

// Issue 27, "Rich results": a person switches Vision on for a model in Settings, an agent's tool returns an image,
// the model receives it as an image, and Debug & Preview and Logs show it as a thumbnail (phone width too), with
// audio, resources and links rendered and an SVG "image" shown as text, never run.
import { expect, test, type Page } from "@playwright/test";
import { redSquare } from "../support/rich-result-tools";
import { startScriptedLlm, type ChatRequestBody, type ScriptedLlm } from "../support/scripted-llm";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";
import { api, query } from "./published-app";
import { AppEditorPage } from "./pages/app-editor-page";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { LogsPage } from "./pages/logs-page";
import { ModelProvidersPage } from "./pages/model-providers-page";
import { expectNoHorizontalOverflow, phone } from "./pages/phone-check";

let llm: ScriptedLlm;
let tools: TestMcpServer;
test.beforeAll(async () => {
  [llm, tools] = await Promise.all([startScriptedLlm(), startTestMcpServer({ richResults: true })]);
});
test.afterAll(async () => {
  await Promise.all([llm?.close(), tools?.close()]);
});

const call = (tool: string) => (body: ChatRequestBody) => ({ toolCalls: [{ name: body.tools!.map((t) => t.function.name).find((n) => n.endsWith(`__${tool}`))!, arguments: {} }] });

async function agentWithRichTools(page: Page) {
  await new SignUpPage(page).open();
  await new SignUpPage(page).signUp(newUser("rich"));
  await expect(page).toHaveURL(/\/apps$/);
  const providers = new ModelProvidersPage(page);
  await providers.open();
  await providers.addOpenAiCompatible({ name: "Scripted", baseUrl: `${llm.url}/v1`, apiKey: "sk-e2e-rich" });
  // An unknown id starts without vision; the person knows better and switches it on.
  const vision = providers.provider("Scripted").getByRole("switch", { name: "Vision for scripted-model" });
  await expect(vision).not.toBeChecked();
  await vision.click();
  await expect(vision).toBeChecked();
  const [provider] = await query<Array<{ id: string }>>(page, "modelProviders.list", undefined);
  const server = await api<{ id: string }>(page, "mcpServers.create", { name: "Rich tools", identifier: "rich", url: tools.url });
  const preview = await api<{ token: string }>(page, "mcpServers.previewTools", { id: server.id });
  await api(page, "mcpServers.applyTools", { id: server.id, token: preview.token });
  const agent = await api<{ id: string }>(page, "apps.create", { type: "agent", name: "Picture agent" });
  await api(page, "apps.updateDraft", {
    id: agent.id,
    draft: { instructions: "Show pictures.", model: { providerId: provider!.id, model: "scripted-model" }, tools: [{ serverId: server.id, mode: "all" }] },
  });
  return agent;
}

test("an image from a tool reaches a vision model as an image and shows as a thumbnail in Debug & Preview and Logs", async ({ page }) => {
  test.setTimeout(150_000);
  const agent = await agentWithRichTools(page);

  await page.goto(`/apps/${agent.id}`);
  const editor = new AppEditorPage(page);
  llm.script([call("picture"), call("vector"), call("attachments"), { text: "Here is a red square." }]);
  await editor.send("Show me a picture.");
  await expect(editor.conversation).toContainText("Here is a red square.");

  // The model got the image as an image part after the tool message, not as base64 text inside it.
  const afterPicture = llm.requests.at(-3)!;
  expect(afterPicture.messages.find((m) => m.role === "tool")!.content).not.toContain(redSquare.slice(0, 40));
  expect(JSON.stringify(afterPicture.messages.at(-1))).toContain(`data:image/png;base64,${redSquare}`);

  const picture = await editor.openToolStep(/^Tool call .*picture$/);
  const thumbnail = picture.getByTestId("tool-result-image");
  await expect(thumbnail).toBeVisible();
  expect(await thumbnail.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(20);
  await picture.getByRole("button", { name: /^Enlarge image\/png image/ }).click();
  const enlarged = page.getByRole("dialog", { name: /image\/png image/ });
  await expect(enlarged.getByRole("img")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(enlarged).toBeHidden();

  // The SVG carries a script: shown as its text, no image, and nothing ran.
  const vector = await editor.openToolStep(/^Tool call .*vector$/);
  await expect(vector.getByText("image/svg+xml, shown as text")).toBeVisible();
  await expect(vector.getByText("<script>alert(1)</script>", { exact: false })).toBeVisible();
  await expect(vector.getByRole("img")).toHaveCount(0);

  const attachments = await editor.openToolStep(/^Tool call .*attachments$/);
  await expect(attachments.locator("audio[controls]")).toHaveAttribute("src", /^data:audio\/wav;base64,/);
  await expect(attachments.getByText("Buy milk.")).toBeVisible();
  await expect(attachments.getByRole("link", { name: "Quarterly report" })).toHaveAttribute("href", "https://example.com/report.pdf");
  await expect(attachments.getByRole("link", { name: "Hostile link" })).toHaveCount(0);
  await expect(attachments.getByText("javascript:alert(document.cookie)", { exact: false })).toBeVisible();

  await page.setViewportSize(phone);
  await expect(thumbnail).toBeVisible();
  await expectNoHorizontalOverflow(page, "Debug & Preview with rich tool results");

  const logs = new LogsPage(page);
  await logs.open(agent.id);
  await logs.openConversation("Show me a picture.");
  const logged = logs.messages.getByRole("group", { name: /^Tool call .*picture$/ });
  await logged.getByText("Done").click();
  await expect(logged.getByTestId("tool-result-image")).toBeVisible();
  await expectNoHorizontalOverflow(page, "Logs with rich tool results");
});

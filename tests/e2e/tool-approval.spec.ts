// Issue 27, "Approval before tool calls": in Debug & Preview a tool that asks first (the test server's save_note)
// stops at an approval card; Approve runs it (with edited arguments), Deny does not and the model hears the refusal;
// the card fits a phone, and each decision shows in Logs.
import { expect, test, type Page } from "@playwright/test";
import { startScriptedLlm, type ChatRequestBody } from "../support/scripted-llm";
import { startTestMcpServer } from "../support/test-mcp-server";
import { agentWithServer, query } from "./published-app";
import { AppEditorPage } from "./pages/app-editor-page";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { LogsPage } from "./pages/logs-page";
import { ModelProvidersPage } from "./pages/model-providers-page";
import { expectNoHorizontalOverflow, phone } from "./pages/phone-check";
import { usePeers } from "./peers";

const peers = usePeers({ llm: startScriptedLlm, tools: () => startTestMcpServer() });

const saveNote = (text: string) => ({ toolCalls: [{ name: "notes__save_note", arguments: { text } }] });
/** The model's answer quotes what the tool told it, so the page shows what the model saw. */
const answerWithToolResult = (body: ChatRequestBody) => ({ text: `Tool said: ${JSON.stringify(body.messages.filter((m) => m.role === "tool").at(-1)?.content)}` });

async function agentWithNotes(page: Page) {
  await new SignUpPage(page).open();
  await new SignUpPage(page).signUp(newUser("approve"));
  await expect(page).toHaveURL(/\/apps$/);
  const providers = new ModelProvidersPage(page);
  await providers.open();
  await providers.addOpenAiCompatible({ name: "Scripted", baseUrl: `${peers.llm.url}/v1`, apiKey: "sk-e2e-approve" });
  const [provider] = await query<Array<{ id: string }>>(page, "modelProviders.list", undefined);
  return agentWithServer(page, { providerId: provider!.id, server: { name: "Notes", identifier: "notes", url: peers.tools.url }, name: "Note taker", instructions: "Take notes." });
}

test("a tool that asks first waits at its card; Approve runs it as edited, Deny does not, and Logs show both decisions", async ({ page }) => {
  test.setTimeout(150_000);
  const agent = await agentWithNotes(page);
  await page.goto(`/apps/${agent.id}`);
  const editor = new AppEditorPage(page);

  peers.llm.script([saveNote("buy milk"), answerWithToolResult]);
  await editor.send("Remember the milk.");
  const card = editor.approvalCard("Save note");
  await expect(card).toBeVisible();
  await expect(card).toContainText("notes__save_note");
  await expect(editor.toolStep(/save_note$/)).toContainText("Waiting for you");
  await expect(editor.conversation).toContainText("Waiting for your approval…");
  expect(peers.tools.notes).not.toContain("buy milk");

  // Broken JSON is caught in place, with where; the run keeps waiting.
  await editor.editApprovalArguments("Save note", '{\n  "text": "buy oat milk",\n}');
  await card.getByRole("button", { name: "Approve with edits" }).click();
  await expect(card.getByRole("alert")).toContainText("not valid JSON at line 3");
  // Arguments the tool's schema refuses: the server names the problem.
  await editor.editApprovalArguments("Save note", '{ "text": 42 }');
  await card.getByRole("button", { name: "Approve with edits" }).click();
  await expect(card.getByRole("alert")).toContainText("/text must be string");

  await editor.editApprovalArguments("Save note", '{ "text": "buy oat milk" }');
  await card.getByRole("button", { name: "Approve with edits" }).click();
  await expect(card).toBeHidden();
  await expect(editor.conversation).toContainText("Tool said:");
  await expect(editor.conversation).toContainText("buy oat milk");
  await expect(editor.conversation.getByTestId("approval-line").first()).toContainText(/Approved by you at .+ with edited arguments/);
  expect(peers.tools.notes).toContain("buy oat milk");
  expect(peers.tools.notes).not.toContain("buy milk");

  // At phone width the card fits, and Deny works from the keyboard.
  await page.setViewportSize(phone);
  peers.llm.script([saveNote("sell the car"), answerWithToolResult]);
  await editor.send("Note: sell the car.");
  const second = editor.approvalCard("Save note");
  await expect(second).toBeVisible();
  await expectNoHorizontalOverflow(page, "Debug & Preview with an approval card");
  await second.getByRole("button", { name: "Deny" }).focus();
  await page.keyboard.press("Enter");
  await expect(second).toBeHidden();
  await expect(editor.conversation).toContainText("the user refused this call");
  await expect(editor.conversation.getByTestId("approval-line").last()).toHaveText(/^Denied by you at /);
  expect(peers.tools.notes).not.toContain("sell the car");

  const logs = new LogsPage(page);
  await logs.open(agent.id);
  await logs.openConversation("Remember the milk.");
  await expect(logs.messages.getByTestId("approval-line").first()).toContainText(/Approved by you at .+ with edited arguments/);
  await expect(logs.messages.getByTestId("approval-line").last()).toContainText(/^Denied by you at /);
  await expectNoHorizontalOverflow(page, "Logs with approval decisions");
});

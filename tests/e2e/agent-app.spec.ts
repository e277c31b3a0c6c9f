import { expect, test } from "@playwright/test";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { AppEditorPage } from "./pages/app-editor-page";
import { AppsPage } from "./pages/apps-page";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { LogsPage } from "./pages/logs-page";
import { ModelProvidersPage } from "./pages/model-providers-page";

let llm: ScriptedLlm;
test.beforeAll(async () => {
  llm = await startScriptedLlm();
});
test.afterAll(() => llm.close());

const slowWeek = "Monday: Alfama. Tuesday: Sintra. Wednesday: Cascais. Thursday: Belém. Friday: Porto. Saturday: Douro. Sunday: rest.";

test("an owner configures a provider, builds and publishes an agent with a form field, chats with it, stops a slow answer, and finds the conversation in Logs", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(newUser("builder"));
  await expect(page).toHaveURL(/\/apps$/);

  const providers = new ModelProvidersPage(page);
  await providers.open();
  await providers.addOpenAiCompatible({ name: "Scripted", baseUrl: `${llm.url}/v1`, apiKey: "sk-e2e-scripted-key" });
  const card = providers.provider("Scripted");
  await expect(card.getByRole("list", { name: "Models" }).getByText("scripted-model")).toBeVisible();
  await expect(card.getByRole("switch", { name: "Tool calling for scripted-model" })).toBeChecked();
  await expect(card).not.toContainText("sk-e2e-scripted-key");
  await providers.test("Scripted");
  await providers.setDefaultModel("scripted-model");

  const apps = new AppsPage(page);
  await apps.open();
  await expect(page.getByText("No apps yet")).toBeVisible();
  await apps.create({ type: "Agent", name: "Lisbon Guide", icon: "🧠", description: "Plans days out in a city." });

  const editor = new AppEditorPage(page);
  await expect(editor.model()).toHaveValue(/::scripted-model$/);
  await editor.setInstructions("You help travellers in {{city}}.");
  await editor.addInputField({ label: "City", key: "city", required: true });
  await editor.expectSaved();
  await expect(page.getByText("Unpublished changes")).toBeVisible();
  await editor.publish(1);

  // The answer streams in word by word: part of it shows while the run is still going.
  const answer = "Start at the Belém Tower, then walk to the Jerónimos Monastery for the cloisters.";
  llm.script([{ text: answer, chunkDelayMs: 250 }]);
  await expect(editor.textInput("City")).toHaveAttribute("aria-required", "true");
  await editor.textInput("City").fill("Lisbon");
  await editor.send("What should I see first?");
  await expect(editor.conversation).toContainText("Start at the");
  await expect(editor.stopButton()).toBeVisible();
  await expect(editor.conversation).not.toContainText("cloisters");
  await expect(editor.conversation).toContainText(answer);
  await expect(editor.preview.getByRole("button", { name: "Send" })).toBeVisible();
  expect(llm.requests.at(-1)!.messages[0]).toEqual({ role: "system", content: "You help travellers in Lisbon." });
  expect(llm.requests.at(-1)!.messages.at(-1)).toMatchObject({ role: "user", content: "What should I see first?" });

  // Stop during a slow answer: the model request is aborted and the chat says so.
  const slowIndex = llm.requests.length;
  llm.script([{ text: slowWeek, chunkDelayMs: 1000 }]);
  await editor.send("Plan a whole week.");
  await expect(editor.conversation).toContainText("Monday:");
  await editor.stopButton().click();
  await expect(editor.conversation.getByText("Stopped.")).toBeVisible();
  await expect(editor.preview.getByRole("button", { name: "Send" })).toBeVisible();
  await expect.poll(() => llm.abortedRequests.includes(slowIndex), { timeout: 8_000 }).toBe(true);
  await expect(editor.conversation).not.toContainText("Sunday");

  await editor.openLogs();
  const conversations = page.getByRole("list", { name: "Conversations" });
  const entry = conversations.getByRole("button", { name: /What should I see first\?/ });
  await expect(entry).toContainText("Debug & Preview");
  await entry.click();
  await expect(new LogsPage(page).input("City")).toHaveText("Lisbon");
  await expect(page.getByText("What should I see first?", { exact: true }).last()).toBeVisible();
  await expect(page.getByText(answer)).toBeVisible();
  await expect(page.getByText("Plan a whole week.", { exact: true })).toBeVisible();
  await expect(page.getByText("completed", { exact: true })).toBeVisible();
  await expect(page.getByText("stopped", { exact: true })).toBeVisible();
  await expect(page.getByText("11 in / 7 out tokens")).toBeVisible();

  await apps.open();
  const appCard = apps.card("Lisbon Guide");
  await expect(appCard).toContainText("Agent");
  await expect(appCard).toContainText("Published");
});

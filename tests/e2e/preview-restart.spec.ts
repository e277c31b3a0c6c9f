// Restart in Debug & Preview: it clears the conversation, the next message starts a new one (the model hears none of
// the earlier turns), and pressed while an answer streams it stops that answer at the model server.
import { expect, test } from "@playwright/test";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { AppEditorPage } from "./pages/app-editor-page";
import { AppsPage } from "./pages/apps-page";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { ModelProvidersPage } from "./pages/model-providers-page";

let llm: ScriptedLlm;
test.beforeAll(async () => {
  llm = await startScriptedLlm();
});
test.afterAll(() => llm.close());

test("Restart clears the conversation, starts a new one for the model, and stops an answer still streaming", async ({ page }) => {
  test.setTimeout(120_000);
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(newUser("restarter"));
  const providers = new ModelProvidersPage(page);
  await providers.open();
  await providers.addOpenAiCompatible({ name: "Scripted", baseUrl: `${llm.url}/v1`, apiKey: "sk-e2e-restart-key" });
  await providers.setDefaultModel("scripted-model");
  const apps = new AppsPage(page);
  await apps.open();
  await apps.create({ type: "Chat", name: "Restart Bot" });

  const editor = new AppEditorPage(page);
  await expect(editor.restartButton()).toBeDisabled();
  llm.script([{ text: "Hello, I remember you said apples." }]);
  await editor.send("I like apples.");
  await expect(editor.conversation).toContainText("Hello, I remember you said apples.");

  await editor.restartButton().click();
  await expect(editor.conversation).not.toContainText("apples");
  await expect(editor.conversation).toContainText("Ask something to try the current draft.");
  await expect(editor.restartButton()).toBeDisabled();

  llm.script([{ text: "Nice to meet you." }]);
  await editor.send("Who am I?");
  await expect(editor.conversation).toContainText("Nice to meet you.");
  const fresh = llm.requests.at(-1)!.messages.filter((m) => m.role !== "system");
  expect(fresh).toEqual([{ role: "user", content: "Who am I?" }]);

  // Pressed mid-answer: the answer stops where it was, and the model server sees its request closed.
  llm.script([{ text: "one two three four five six seven eight nine ten eleven twelve", chunkDelayMs: 400 }]);
  await editor.send("Count slowly.");
  await expect(editor.conversation).toContainText("one two");
  const streaming = llm.requests.length - 1;
  await editor.restartButton().click();
  await expect(editor.conversation).not.toContainText("one two");
  await expect.poll(() => llm.abortedRequests).toContain(streaming);
  await expect(editor.conversation).not.toContainText("twelve");
});

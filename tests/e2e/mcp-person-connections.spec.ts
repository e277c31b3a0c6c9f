// Per-person MCP credentials in chromium: a server whose members each connect their own account. Its owner connects
// from the card, sees their own connection in the sheet and disconnects it; in Debug & Preview the agent then asks
// them to connect in place (a Connect card), the popup approves, and the message is sent again and calls the tool
// with their token. Two members each use their own account on the same server.
import { expect, test, type Page } from "@playwright/test";
import { startScriptedLlm } from "../support/scripted-llm";
import { AppEditorPage } from "./pages/app-editor-page";
import { AppsPage } from "./pages/apps-page";
import { ModelProvidersPage } from "./pages/model-providers-page";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { ToolsPage } from "./pages/tools-page";
import { api } from "./published-app";
import { usePeers } from "./peers";
import { startSignedInMcpServer } from "./start-signed-in-mcp-server";

const peers = usePeers({ mcp: startSignedInMcpServer, llm: startScriptedLlm });

/** The scripted model as the default, and an agent given every tool of the server, in the editor. */
async function agentOn(page: Page, server: string, name: string) {
  const providers = new ModelProvidersPage(page);
  await providers.open();
  await providers.addOpenAiCompatible({ name: "Scripted", baseUrl: `${peers.llm.url}/v1`, apiKey: "sk-e2e" });
  await providers.setDefaultModel("scripted-model");
  const apps = new AppsPage(page);
  await apps.open();
  await apps.create({ type: "Agent", name });
  const editor = new AppEditorPage(page);
  await editor.addAllToolsOf(server);
  await editor.expectSaved();
  return editor;
}

test("a member connects their own account, and an agent that needs it asks in place, then sends the message again", async ({ page }) => {
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(newUser("person"));
  const tools = new ToolsPage(page);
  await tools.open();
  await tools.startAdding({ url: peers.mcp.url, name: "Mailbox" });
  await tools.chooseCredentials("Per person");
  await tools.save();

  const card = tools.card("Mailbox");
  await tools.approveInPopup(() => card.getByRole("button", { name: "Authorize Mailbox" }).click());
  await expect(card.getByText("2 tools")).toBeVisible({ timeout: 20_000 });
  const drawer = await tools.openServer("Mailbox");
  await expect(drawer.getByTestId("my-connection-summary")).toHaveText(/Your account is connected/);
  await drawer.getByRole("button", { name: "Disconnect" }).click();
  await expect(drawer.getByTestId("my-connection-summary")).toHaveText("You have not connected your account yet.");
  await page.keyboard.press("Escape");

  const editor = await agentOn(page, "Mailbox", "Mail agent");

  peers.llm.script([{ toolCalls: [{ name: "mailbox__echo", arguments: { text: "mine" } }] }, { text: "Sent with your account." }]);
  const before = peers.mcp.callers.length;
  await editor.send("Echo mine");
  const connectCard = editor.conversation.getByTestId("connect-card");
  await expect(connectCard).toBeVisible({ timeout: 20_000 });
  await tools.approveInPopup(() => connectCard.getByRole("button", { name: "Connect Mailbox" }).click());
  await expect(editor.conversation).toContainText("Sent with your account.", { timeout: 20_000 });
  await expect(connectCard).toBeHidden();
  expect(peers.mcp.callers.slice(before)).toEqual(["test-user"]);
});

test("two members each connect their own account, and each one's run calls the tool with their own token", async ({ page, browser }) => {
  const signUp = new SignUpPage(page);
  await signUp.open();
  await signUp.signUp(newUser("owner"));
  const tools = new ToolsPage(page);
  await tools.open();
  await tools.startAdding({ url: peers.mcp.url, name: "Inbox" });
  await tools.chooseCredentials("Per person");
  await tools.save();
  await tools.approveInPopup(() => tools.card("Inbox").getByRole("button", { name: "Authorize Inbox" }).click());
  await expect(tools.card("Inbox").getByText("2 tools")).toBeVisible({ timeout: 20_000 });

  const editor = await agentOn(page, "Inbox", "Inbox agent");
  const editorUrl = page.url();

  // An editor (Debug & Preview needs the editor role) whose browser signs in to the authorization server as an
  // account of their own.
  const invite = await api<{ url: string }>(page, "invites.create", { role: "editor" });
  const context = await browser.newContext({ extraHTTPHeaders: { "x-test-account": "teammate-account" } });
  try {
    const teammatePage = await context.newPage();
    await teammatePage.goto(invite.url);
    await teammatePage.getByRole("link", { name: "Create an account to join" }).click();
    await new SignUpPage(teammatePage).signUp(newUser("teammate"));
    await teammatePage.getByRole("button", { name: "Accept invite" }).click();
    await expect(teammatePage).toHaveURL(/\/apps$/);

    // The owner's run goes out with the owner's token.
    peers.llm.script([{ toolCalls: [{ name: "inbox__echo", arguments: { text: "owner" } }] }, { text: "Done as the owner." }]);
    let before = peers.mcp.callers.length;
    await editor.send("Echo as the owner");
    await expect(editor.conversation).toContainText("Done as the owner.", { timeout: 20_000 });
    expect(peers.mcp.callers.slice(before)).toEqual(["test-user"]);

    // The teammate has not connected: the Connect card asks in place, then the step goes on with their token.
    await teammatePage.goto(editorUrl);
    const teammateEditor = new AppEditorPage(teammatePage);
    peers.llm.script([{ toolCalls: [{ name: "inbox__echo", arguments: { text: "teammate" } }] }, { text: "Done as the teammate." }]);
    before = peers.mcp.callers.length;
    await teammateEditor.send("Echo as the teammate");
    const connectCard = teammateEditor.conversation.getByTestId("connect-card");
    await expect(connectCard).toBeVisible({ timeout: 20_000 });
    await new ToolsPage(teammatePage).approveInPopup(() => connectCard.getByRole("button", { name: "Connect Inbox" }).click());
    await expect(teammateEditor.conversation).toContainText("Done as the teammate.", { timeout: 20_000 });
    expect(peers.mcp.callers.slice(before)).toEqual(["teammate-account"]);

    // The owner's connection is untouched by the teammate's.
    peers.llm.script([{ toolCalls: [{ name: "inbox__echo", arguments: { text: "owner again" } }] }, { text: "Still the owner." }]);
    before = peers.mcp.callers.length;
    await editor.send("Echo as the owner again");
    await expect(editor.conversation).toContainText("Still the owner.", { timeout: 20_000 });
    expect(peers.mcp.callers.slice(before)).toEqual(["test-user"]);
  } finally {
    await context.close();
  }
});

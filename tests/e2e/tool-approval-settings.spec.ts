// Issue 27, "Approval before tool calls": the owner chooses per bound tool in the agent editor (kept across a
// reload, the default and its reason shown for the rest, phone width too), and the published policy for tools
// that ask first on the MCP Server tab and on Settings -> MCP server, each saved by keyboard and kept.
import { expect, test } from "@playwright/test";
import { startScriptedLlm } from "../support/scripted-llm";
import { startTestMcpServer } from "../support/test-mcp-server";
import { agentWithServer, api, query } from "./published-app";
import { AppEditorPage } from "./pages/app-editor-page";
import { ApprovalPolicyCard } from "./pages/approval-policy-card";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { expectNoHorizontalOverflow, phone } from "./pages/phone-check";
import { PublishPage } from "./pages/publish-page";
import { WorkspaceServerPage } from "./pages/workspace-server-page";
import { usePeers } from "./peers";

const peers = usePeers({ llm: startScriptedLlm, tools: () => startTestMcpServer() });

const server = "Test tools";

test("the owner chooses per tool in the editor, and the published policy on both servers; every choice survives a reload", async ({ page }) => {
  test.setTimeout(120_000);
  await new SignUpPage(page).open();
  await new SignUpPage(page).signUp(newUser("approval"));
  await expect(page).toHaveURL(/\/apps$/);
  const provider = await api<{ id: string }>(page, "modelProviders.create", { kind: "openai_compatible", name: "Scripted", baseUrl: `${peers.llm.url}/v1`, apiKey: "sk-e2e" });
  const agent = await agentWithServer(page, { providerId: provider.id, server: { name: server, identifier: "test", url: peers.tools.url }, name: "Note taker", instructions: "Take notes." });

  // The editor: every tool starts on its default, with the reason from the server's annotations.
  await page.goto(`/apps/${agent.id}`);
  const editor = new AppEditorPage(page);
  await expect(editor.toolApproval("echo", server)).toHaveValue("");
  await expect(editor.toolApproval("echo", server)).toHaveAccessibleDescription("Default: runs automatically - the server marks it read-only");
  await expect(editor.toolApproval("save_note", server)).toHaveAccessibleDescription("Default: asks first - the server does not mark it read-only");
  await expect(editor.toolApproval("save_note", server).locator("option:checked")).toHaveText("Default (ask first)");

  await editor.chooseApproval("echo", server, "Ask first");
  await editor.chooseApproval("save_note", server, "Run automatically");
  await editor.expectSaved();
  await page.reload();
  await expect(editor.toolApproval("echo", server)).toHaveValue("ask");
  await expect(editor.toolApproval("save_note", server)).toHaveValue("auto");
  await expect(editor.toolApproval("add", server)).toHaveValue("");
  await expect(editor.toolApproval("add", server)).toHaveAccessibleDescription("Default: runs automatically - the server marks it read-only");
  const { draft } = await query<{ draft: { tools: Array<{ tools: Array<{ name: string; enabled: boolean; approval?: string }> }> } }>(page, "apps.get", { id: agent.id });
  expect(draft.tools[0]!.tools).toEqual([
    { name: "echo", enabled: true, approval: "ask" },
    { name: "save_note", enabled: true, approval: "auto" },
  ]);

  // Back to the default drops the choice, and the editor fits a phone.
  await editor.toolApproval("echo", server).selectOption({ label: "Default (run automatically)" });
  await editor.expectSaved();
  await page.setViewportSize(phone);
  await expect(editor.toolApproval("save_note", server)).toBeVisible();
  await expectNoHorizontalOverflow(page, "the agent editor with tool approvals");
  await page.setViewportSize({ width: 1280, height: 900 });

  // The MCP Server tab: a new server refuses; the owner lets them run, and it is kept.
  await api(page, "apps.publish", { id: agent.id });
  await api(page, "publishedServers.enable", { appId: agent.id, toolName: "note_taker", toolDescription: "Takes notes." });
  await new PublishPage(page).open(agent.id);
  const policy = new ApprovalPolicyCard(page);
  await expect(policy.choice("Refuse, and tell the model why")).toBeChecked();
  await expect(page.getByText("Clients that support elicitation are asked instead.").first()).toBeVisible();
  await policy.chooseAndSave("Run them anyway");
  await page.reload();
  await expect(policy.choice("Run them anyway")).toBeChecked();
  expect((await query<{ approvalPolicy: string }>(page, "publishedServers.get", { appId: agent.id })).approvalPolicy).toBe("allow");

  // Settings -> MCP server: its own policy, refusing by default.
  await api(page, "workspaceServer.enable", undefined);
  const workspace = new WorkspaceServerPage(page);
  await workspace.open();
  await expect(policy.choice("Refuse, and tell the model why")).toBeChecked();
  await policy.chooseAndSave("Run them anyway");
  await page.reload();
  await expect(policy.choice("Run them anyway")).toBeChecked();
  await page.setViewportSize(phone);
  await expectNoHorizontalOverflow(page, "Settings -> MCP server with the approval policy");
});

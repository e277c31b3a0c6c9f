// A published agent whose tool asks first (save_note), called by real SDK clients against `next start`: a client
// that declared elicitation is asked and its yes runs the tool (its answer POSTed to the second instance when the
// server is scaled out); a client without elicitation gets the server's policy (deny by default): not run.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";
import { expect, test, type Page } from "@playwright/test";
import { startScriptedLlm } from "../support/scripted-llm";
import { startTestMcpServer } from "../support/test-mcp-server";
import { newUser, SignUpPage } from "./pages/auth-pages";
import { agentWithServer, api, connect, onSecondInstance, scaledOut } from "./published-app";
import { usePeers } from "./peers";

const peers = usePeers({ llm: startScriptedLlm, tools: () => startTestMcpServer() });

/** Signs up, makes an agent with the test tools on the scripted model, publishes it and turns its server on. */
async function publishedAgent(page: Page) {
  await new SignUpPage(page).open();
  await new SignUpPage(page).signUp(newUser("approver"));
  await expect(page).toHaveURL(/\/apps$/);
  const provider = await api<{ id: string }>(page, "modelProviders.create", { kind: "openai_compatible", name: "Scripted", baseUrl: `${peers.llm.url}/v1`, apiKey: "sk-e2e" });
  const app = await agentWithServer(page, { providerId: provider.id, server: { name: "Test tools", identifier: "test", url: peers.tools.url }, name: "Note keeper", instructions: "Keep notes." });
  await api(page, "apps.publish", { id: app.id });
  const enabled = await api<{ url: string }>(page, "publishedServers.enable", { appId: app.id, toolName: "note_keeper", toolDescription: "Keeps notes." });
  return enabled.url;
}

const saveNote = (text: string) => [{ toolCalls: [{ name: "test__save_note", arguments: { text } }] }, { text: "Done." }];

test("a published call asks an elicitation-capable client first and runs the tool on its yes; a client without elicitation gets the policy's no", async ({ page }) => {
  test.setTimeout(120_000);
  const url = await publishedAgent(page);

  const questions: string[] = [];
  const asking = new Client({ name: "asking-client", version: "1.0.0" }, { capabilities: { elicitation: {} } });
  asking.setRequestHandler(ElicitRequestSchema, async (request) => {
    questions.push(request.params.message);
    return { action: "accept", content: { approve: true } };
  });
  // Behind a load balancer the answer's POST may reach the other instance: send it there on purpose.
  const answersElsewhere: typeof fetch = (input, init) => {
    const body = typeof init?.body === "string" ? (JSON.parse(init.body) as { id?: unknown; method?: unknown }) : null;
    const isAnswer = Boolean(body && !body.method && String(body.id).startsWith("switchyard-ask-"));
    return fetch(isAnswer && scaledOut ? onSecondInstance(String(input)) : input, init);
  };
  await asking.connect(new StreamableHTTPClientTransport(new URL(url), { fetch: answersElsewhere }));
  peers.llm.script(saveNote("buy milk"));
  const asked = await asking.callTool({ name: "note_keeper", arguments: { query: "Remember to buy milk." } });
  expect(asked.structuredContent).toMatchObject({ answer: "Done." });
  expect(questions).toHaveLength(1);
  expect(questions[0]).toContain('"Save note"');
  expect(peers.tools.notes).toEqual(["buy milk"]);

  const plain = await connect(url);
  peers.llm.script(saveNote("buy eggs"));
  const refused = await plain.callTool({ name: "note_keeper", arguments: { query: "Remember to buy eggs." } });
  expect(refused.structuredContent).toMatchObject({ answer: "Done." });
  expect(peers.tools.notes).toEqual(["buy milk"]);
  const toolMessage = JSON.stringify(peers.llm.requests.at(-1)?.messages.filter((m) => m.role === "tool"));
  expect(toolMessage).toContain("the server's policy refuses it");
  await Promise.all([asking.close(), plain.close()]);
});

// The vision flag of a provider's model decides what its runs send, in Debug & Preview and on the published server:
// an unlisted or text-only model gets the placeholder, and switching Vision on (Settings -> Model providers) makes
// the next published call, through the endpoint cache, send the image as an image part.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDraft, runDraft } from "@/server/apps/run-draft";
import { redSquare } from "../support/rich-result-tools";
import { createPublishedApp } from "../support/published-app";
import type { ChatRequestBody } from "../support/scripted-llm";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";
import { useEndpointHarness } from "../support/endpoint-harness";

const h = useEndpointHarness();
let tools: TestMcpServer;
beforeAll(async () => {
  tools = await startTestMcpServer({ richResults: true });
});
afterAll(() => tools.close());

const pictureTurns = [{ toolCalls: [{ name: "test__picture", arguments: {} }] }, { text: "A red square." }];
const imageParts = (body: ChatRequestBody) =>
  body.messages.flatMap((m) => (m.role === "user" && Array.isArray(m.content) ? (m.content as Array<{ type: string }>) : [])).filter((p) => p.type === "image_url");
const toolText = (body: ChatRequestBody) => body.messages.find((m) => m.role === "tool")!.content as string;

describe("the vision flag", () => {
  it("a published agent's model without vision gets the placeholder; with Vision switched on, the image", async () => {
    const { url, caller, provider } = await createPublishedApp(h.endpoint, h.llm, { type: "agent", toolServerUrl: tools.url });
    const client = await h.connect(url);

    h.llm.script(pictureTurns);
    await client.callTool({ name: "weather_helper", arguments: { query: "Show me." } });
    const before = h.llm.requests.at(-1)!;
    expect(toolText(before)).toContain("[image/png image,");
    expect(imageParts(before)).toEqual([]);

    await caller.modelProviders.updateModels({ id: provider.id, models: [{ id: "scripted-model", toolCalling: true, vision: true }] });
    h.llm.script(pictureTurns);
    await client.callTool({ name: "weather_helper", arguments: { query: "Show me again." } });
    const after = h.llm.requests.at(-1)!;
    expect(toolText(after)).not.toContain("not shown");
    expect(imageParts(after)).toEqual([{ type: "image_url", image_url: { url: `data:image/png;base64,${redSquare}` } }]);
  });

  it("Debug & Preview follows the same flag", async () => {
    const { caller, provider, app, workspace, user } = await createPublishedApp(h.endpoint, h.llm, { type: "agent", toolServerUrl: tools.url });
    const run = async () =>
      runDraft({ workspaceId: workspace.id, userId: user.id, draft: await loadDraft({ workspaceId: workspace.id, appId: app.id }), inputs: {}, query: "Show me.", conversationId: null, signal: new AbortController().signal, onEvent: () => {} });

    h.llm.script(pictureTurns);
    await run();
    expect(imageParts(h.llm.requests.at(-1)!)).toEqual([]);

    await caller.modelProviders.updateModels({ id: provider.id, models: [{ id: "scripted-model", toolCalling: true, vision: true }] });
    h.llm.script(pictureTurns);
    await run();
    expect(imageParts(h.llm.requests.at(-1)!)).toHaveLength(1);
  });
});

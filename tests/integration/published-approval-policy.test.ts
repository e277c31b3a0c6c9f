// The published policy for tools that ask first (publishedServers.setApprovalPolicy, workspaceServer.setApprovalPolicy):
// a client that cannot be asked (the SDK client declares no elicitation) gets the policy's answer, on the app's server
// and the workspace server; the owner's per-tool choice on the binding decides what asks first.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { toolCalls } from "@/server/db/schema";
import { useEndpointHarness } from "../support/endpoint-harness";
import { createPublishedApp } from "../support/published-app";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";

const h = useEndpointHarness();
let tools: TestMcpServer;
beforeAll(async () => {
  tools = await startTestMcpServer();
});
afterAll(() => tools.close());

type Published = Awaited<ReturnType<typeof createPublishedApp>>;
const refusal = "Not run: this tool asks first and the server's policy refuses it.";

/** The model calls `tool` once, then answers with what the tool message said. */
async function callThrough(client: Client, toolName: string, tool: string, args: object) {
  const before = h.llm.requests.length;
  h.llm.script([
    { toolCalls: [{ name: tool, arguments: args }] },
    (body) => ({ text: `Tool said: ${JSON.stringify(body.messages.filter((m) => m.role === "tool").map((m) => m.content))}` }),
  ]);
  const result = await client.callTool({ name: toolName, arguments: { query: "Go." } });
  expect(result.isError ?? false).toBe(false);
  const toolMessages = JSON.stringify(h.llm.requests[before + 1]!.messages.filter((m) => m.role === "tool"));
  return { answer: (result.structuredContent as { answer: string }).answer, toolMessages };
}

async function storedApprovals(workspaceId: string, name: string) {
  const rows = await (await getDb())
    .select({ approval: toolCalls.approval, startedAt: toolCalls.startedAt })
    .from(toolCalls)
    .where(and(eq(toolCalls.workspaceId, workspaceId), eq(toolCalls.name, name)));
  return rows.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime()).map((row) => row.approval);
}

/** Rewrites the binding's per-tool entries and publishes, as the editor does. */
async function bindWith(app: Published, entries: Array<{ name: string; enabled: boolean; approval?: "auto" | "ask" }>) {
  const current = await app.caller.apps.get({ id: app.app.id });
  const draft = current.draft;
  await app.caller.apps.updateDraft({ id: app.app.id, draft: { ...draft, tools: draft.tools.map((b) => ({ ...b, tools: entries })) } });
  await app.caller.apps.publish({ id: app.app.id });
}

describe("the published approval policy", () => {
  it("a new server refuses save_note and tells the model why; after allow, it runs; both decisions are stored", async () => {
    const app = await createPublishedApp(h.endpoint, h.llm, { type: "agent", toolServerUrl: tools.url });
    expect((await app.caller.publishedServers.get({ appId: app.app.id })).approvalPolicy).toBe("deny");
    const client = await h.connect(app.url);

    const denied = await callThrough(client, "weather_helper", "test__save_note", { text: "refused note" });
    expect(denied.toolMessages).toContain(refusal);
    expect(tools.notes).not.toContain("refused note");

    expect(await app.caller.publishedServers.setApprovalPolicy({ appId: app.app.id, policy: "allow" })).toEqual({ approvalPolicy: "allow" });
    expect((await app.caller.publishedServers.get({ appId: app.app.id })).approvalPolicy).toBe("allow");
    // The same client: the policy is served at the next request.
    const allowed = await callThrough(client, "weather_helper", "test__save_note", { text: "allowed note" });
    expect(allowed.toolMessages).toContain("Saved: allowed note");
    expect(tools.notes).toContain("allowed note");

    expect(await storedApprovals(app.workspace.id, "test__save_note")).toEqual([
      expect.objectContaining({ decision: "denied", via: "policy" }),
      expect.objectContaining({ decision: "approved", via: "policy" }),
    ]);
  });

  it("a read-only tool runs under deny without asking", async () => {
    const app = await createPublishedApp(h.endpoint, h.llm, { type: "agent", toolServerUrl: tools.url });
    const { toolMessages } = await callThrough(await h.connect(app.url), "weather_helper", "test__echo", { text: "read only" });
    expect(toolMessages).toContain("read only");
    expect(toolMessages).not.toContain("Not run");
    expect(await storedApprovals(app.workspace.id, "test__echo")).toEqual([null]);
  });

  it("the owner's choice wins: ask on a read-only tool is refused under deny, auto on save_note runs", async () => {
    const app = await createPublishedApp(h.endpoint, h.llm, { type: "agent", toolServerUrl: tools.url });
    await bindWith(app, [
      { name: "echo", enabled: true, approval: "ask" },
      { name: "save_note", enabled: true, approval: "auto" },
    ]);
    const client = await h.connect(app.url);

    const echo = await callThrough(client, "weather_helper", "test__echo", { text: "asked echo" });
    expect(echo.toolMessages).toContain(refusal);
    expect(await storedApprovals(app.workspace.id, "test__echo")).toEqual([expect.objectContaining({ decision: "denied", via: "policy" })]);

    const note = await callThrough(client, "weather_helper", "test__save_note", { text: "automatic note" });
    expect(note.toolMessages).toContain("Saved: automatic note");
    expect(tools.notes).toContain("automatic note");
    expect(await storedApprovals(app.workspace.id, "test__save_note")).toEqual([null]);
  });

  it("the workspace server refuses under deny and runs after allow", async () => {
    const app = await createPublishedApp(h.endpoint, h.llm, { type: "agent", toolServerUrl: tools.url });
    const enabled = await app.caller.workspaceServer.enable();
    await app.caller.workspaceServer.setIncluded({ appId: app.app.id, included: true });
    expect((await app.caller.workspaceServer.get()).approvalPolicy).toBe("deny");
    const client = await h.connect(h.endpoint.localUrl(enabled.url));
    const [tool] = (await client.listTools()).tools;

    const denied = await callThrough(client, tool!.name, "test__save_note", { text: "workspace refused" });
    expect(denied.toolMessages).toContain(refusal);
    expect(tools.notes).not.toContain("workspace refused");

    // The app's own server keeps its policy: only the workspace server's changes.
    expect(await app.caller.workspaceServer.setApprovalPolicy({ policy: "allow" })).toEqual({ approvalPolicy: "allow" });
    expect((await app.caller.workspaceServer.get()).approvalPolicy).toBe("allow");
    expect((await app.caller.publishedServers.get({ appId: app.app.id })).approvalPolicy).toBe("deny");
    const allowed = await callThrough(client, tool!.name, "test__save_note", { text: "workspace allowed" });
    expect(allowed.toolMessages).toContain("Saved: workspace allowed");
    expect(tools.notes).toContain("workspace allowed");
    expect(await storedApprovals(app.workspace.id, "test__save_note")).toEqual([
      expect.objectContaining({ decision: "denied", via: "policy" }),
      expect.objectContaining({ decision: "approved", via: "policy" }),
    ]);
  });
});

describe("approval policy setters", () => {
  it("a policy that is not deny or allow is a bad request, and the stored one stays", async () => {
    const app = await createPublishedApp(h.endpoint, h.llm);
    await app.caller.workspaceServer.enable();
    await expect(app.caller.publishedServers.setApprovalPolicy({ appId: app.app.id, policy: "maybe" as never })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("(refuse, and tell the model why)"),
    });
    await expect(app.caller.workspaceServer.setApprovalPolicy({ policy: "yes" as never })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await app.caller.publishedServers.get({ appId: app.app.id })).approvalPolicy).toBe("deny");
    expect((await app.caller.workspaceServer.get()).approvalPolicy).toBe("deny");
  });

  it("another workspace's app is not found, and its policy is unchanged", async () => {
    const app = await createPublishedApp(h.endpoint, h.llm);
    const other = await createPublishedApp(h.endpoint, h.llm);
    await expect(other.caller.publishedServers.setApprovalPolicy({ appId: app.app.id, policy: "allow" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await app.caller.publishedServers.get({ appId: app.app.id })).approvalPolicy).toBe("deny");
  });

  it("a server never turned on has no policy to set: the owner is told to turn it on", async () => {
    const app = await createPublishedApp(h.endpoint, h.llm);
    await expect(app.caller.workspaceServer.setApprovalPolicy({ policy: "allow" })).rejects.toMatchObject({
      code: "NOT_FOUND",
      message: expect.stringContaining("Turn the workspace MCP server on first"),
    });
    expect((await app.caller.workspaceServer.get()).approvalPolicy).toBe("deny");
  });
});

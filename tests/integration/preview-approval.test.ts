// Debug & Preview's Approve / Deny: a run through runDraft waits for apps.decideToolCall, from its own person only,
// once, with edited arguments checked against the tool's schema, and from whichever instance serves the click.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunEvent } from "@/server/agent/run-events";
import { appConfigSchema } from "@/server/apps/app-config";
import { decidePreviewToolCall, previewApprover } from "@/server/apps/preview-approval";
import { loadDraft, runDraft } from "@/server/apps/run-draft";
import { env } from "@/server/env";
import { getKv, type Kv } from "@/server/kv";
import { createRedisKv } from "@/server/kv/redis";
import { addMember, callerAs, createOwner } from "../support/fixtures";
import { dumpRuns } from "../support/runtime";
import { startScriptedLlm, type ScriptedLlm } from "../support/scripted-llm";
import { startTestMcpServer, type TestMcpServer } from "../support/test-mcp-server";

let llm: ScriptedLlm;
let mcp: TestMcpServer;

beforeAll(async () => {
  [llm, mcp] = await Promise.all([startScriptedLlm(), startTestMcpServer()]);
});
afterAll(async () => Promise.all([llm?.close(), mcp?.close()]));

async function previewWithSaveNote() {
  const { user, workspace } = await createOwner();
  const caller = callerAs(user.id, workspace.id);
  const server = await caller.mcpServers.create({ name: "Tools", identifier: "test", url: mcp.url });
  const tools = await caller.mcpServers.previewTools({ id: server.id });
  if (tools.status !== "ok") throw new Error(tools.message);
  await caller.mcpServers.applyTools({ id: server.id, token: tools.token });
  const provider = await caller.modelProviders.create({ kind: "openai_compatible", name: "Scripted", baseUrl: `${llm.url}/v1`, apiKey: "sk-test" });
  const app = await caller.apps.create({ type: "agent", name: "Agent" });
  await caller.apps.updateDraft({ id: app.id, draft: appConfigSchema.parse({ model: { providerId: provider.id, model: "scripted-model" }, tools: [{ serverId: server.id, mode: "all" }] }) });

  /** Starts a run that saves `text`; resolves once the call waits for a decision. */
  async function start(text: string, options: { approve?: Parameters<typeof runDraft>[0]["approve"]; signal?: AbortSignal } = {}) {
    llm.script([{ toolCalls: [{ name: "test__save_note", arguments: { text } }] }]);
    // A stopped run never asks for its answer; a turn queued for it would answer the next test's first request.
    if (!options.signal) llm.script([(body) => ({ text: `Done: ${JSON.stringify(body.messages.filter((m) => m.role === "tool"))}` })]);
    const events: RunEvent[] = [];
    const done = runDraft({
      workspaceId: workspace.id,
      userId: user.id,
      draft: await loadDraft({ workspaceId: workspace.id, appId: app.id }),
      inputs: {},
      query: "save it",
      conversationId: null,
      signal: options.signal ?? new AbortController().signal,
      onEvent: (event) => events.push(event),
      approve: options.approve,
    });
    await expect.poll(() => events.some((e) => e.type === "tool-approval-requested"), { timeout: 10_000 }).toBe(true);
    const messageId = (events.find((e) => e.type === "started") as Extract<RunEvent, { type: "started" }>).messageId;
    const callId = (events.find((e) => e.type === "tool-approval-requested") as Extract<RunEvent, { type: "tool-approval-requested" }>).callId;
    return { done, events, ids: { appId: app.id, messageId, callId } };
  }
  return { user, workspace, caller, app, start };
}

/** Another instance's connection to the same store; the in-memory store is one per process, so it is the same one. */
function secondKv(): Kv {
  return process.env.REDIS_URL ? createRedisKv({ url: process.env.REDIS_URL, prefix: env.KV_PREFIX }) : getKv();
}

describe("approving a tool call in Debug & Preview", () => {
  it("the run waits for the person's Approve, then runs the tool and stores who approved", async () => {
    const { caller, workspace, user, start } = await previewWithSaveNote();
    const { done, events, ids } = await start("approve me");
    expect(events.find((e) => e.type === "tool-approval-requested")).toMatchObject({ title: "Save note", name: "test__save_note" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(mcp.notes).not.toContain("approve me");

    await expect(caller.apps.decideToolCall({ ...ids, decision: "approved" })).resolves.toEqual({ decision: "approved", edited: false });
    const result = await done;
    expect(result.status).toBe("completed");
    expect(mcp.notes).toContain("approve me");
    const { toolCalls } = await dumpRuns(workspace.id);
    expect(toolCalls[0]!.approval).toMatchObject({ decision: "approved", via: "preview", userId: user.id });

    // Logs: the stored decision comes with the conversation, and who decided is "you" for them, their name for others.
    const conversation = await caller.conversations.get({ appId: ids.appId, id: result.conversationId });
    expect(conversation.messages.at(-1)!.toolCalls[0]!.approval).toMatchObject({ decision: "approved", userId: user.id });
    expect(conversation.deciders).toEqual({ [user.id]: "you" });
    const colleague = await addMember(workspace.id, "member");
    const seenByColleague = await callerAs(colleague.id, workspace.id).conversations.get({ appId: ids.appId, id: result.conversationId });
    expect(seenByColleague.deciders).toEqual({ [user.id]: user.name ?? user.email });
  });

  it("Deny does not run the tool and the answer reflects the refusal", async () => {
    const { caller, start } = await previewWithSaveNote();
    const { done, ids } = await start("deny me");
    await caller.apps.decideToolCall({ ...ids, decision: "denied" });
    const result = await done;
    expect(mcp.notes).not.toContain("deny me");
    expect(result.answer).toContain("the user refused this call");
  });

  it("edited arguments that break the tool's schema are refused and the run keeps waiting; valid ones run", async () => {
    const { caller, workspace, start } = await previewWithSaveNote();
    const { done, ids } = await start("typo");
    await expect(caller.apps.decideToolCall({ ...ids, decision: "approved", arguments: { text: 42 } })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("/text must be string"),
    });
    await expect(caller.apps.decideToolCall({ ...ids, decision: "approved", arguments: ["not", "an", "object"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The edited arguments must be a JSON object.",
    });
    await expect(caller.apps.decideToolCall({ ...ids, decision: "approved", arguments: { text: "x".repeat(100_001) } })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.apps.decideToolCall({ ...ids, decision: "approved", arguments: { text: "fixed" } })).resolves.toEqual({ decision: "approved", edited: true });
    await done;
    expect(mcp.notes).toContain("fixed");
    expect(mcp.notes).not.toContain("typo");
    const { toolCalls } = await dumpRuns(workspace.id);
    expect(toolCalls[0]!.approval).toMatchObject({ decision: "approved", editedArguments: { text: "fixed" } });
  });

  it("only the person running the preview may decide: another member of the workspace gets not found", async () => {
    const { workspace, caller, start } = await previewWithSaveNote();
    const { done, ids } = await start("mine");
    const other = await addMember(workspace.id, "editor");
    await expect(callerAs(other.id, workspace.id).apps.decideToolCall({ ...ids, decision: "approved" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await caller.apps.decideToolCall({ ...ids, decision: "denied" });
    await done;
    expect(mcp.notes).not.toContain("mine");
  });

  it("a second decision, or one after the run ended, is a conflict", async () => {
    const { caller, start } = await previewWithSaveNote();
    const { done, ids } = await start("twice");
    await caller.apps.decideToolCall({ ...ids, decision: "approved" });
    const conflict = { code: "CONFLICT", message: "This call was already decided or the run ended." };
    await expect(caller.apps.decideToolCall({ ...ids, decision: "denied" })).rejects.toMatchObject(conflict);
    await done;
    await expect(caller.apps.decideToolCall({ ...ids, decision: "denied" })).rejects.toMatchObject(conflict);
    expect(mcp.notes.filter((n) => n === "twice")).toHaveLength(1);
  });

  it("a decision written through another instance's store connection reaches the waiting run", async () => {
    const { user, workspace, start } = await previewWithSaveNote();
    const { done, ids } = await start("elsewhere");
    const kv = secondKv();
    try {
      await decidePreviewToolCall(kv, { ...ids, workspaceId: workspace.id, userId: user.id, decision: "approved" });
    } finally {
      if (kv !== getKv()) await kv.close();
    }
    expect((await done).status).toBe("completed");
    expect(mcp.notes).toContain("elsewhere");
  });

  it("Stop while waiting ends the run stopped at once, with nothing run and the question withdrawn", async () => {
    const { caller, workspace, start } = await previewWithSaveNote();
    const controller = new AbortController();
    const { done, ids } = await start("stop me", { signal: controller.signal });
    const stoppedAt = Date.now();
    controller.abort();
    expect((await done).status).toBe("stopped");
    expect(Date.now() - stoppedAt).toBeLessThan(3_000);
    expect(mcp.notes).not.toContain("stop me");
    await expect(caller.apps.decideToolCall({ ...ids, decision: "approved" })).rejects.toMatchObject({ code: "CONFLICT" });
    const { toolCalls } = await dumpRuns(workspace.id);
    expect(toolCalls[0]).toMatchObject({ status: "stopped", approval: null });
  });

  it("no answer within the limit denies the call with the reason", async () => {
    const { user, workspace, app, start } = await previewWithSaveNote();
    let messageId = "";
    const approve = previewApprover({ kv: getKv(), workspaceId: workspace.id, appId: app.id, userId: user.id, messageId: () => messageId, waitMs: 300, pollMs: 50 });
    const { done } = await start("too late", {
      approve: (request) => {
        messageId = "timeout-test";
        return approve(request);
      },
    });
    const result = await done;
    expect(mcp.notes).not.toContain("too late");
    expect(result.answer).toContain("No answer within 10 minutes.");
  });
});

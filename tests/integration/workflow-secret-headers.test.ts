// An HTTP request node's secret header is sealed when the draft is saved and bound to the app, the node, the header
// and the URL's origin: the stored draft never holds it, a run sends it, and moving it (another host, another node,
// another app) refuses rather than sending it somewhere new. A copy of the app re-seals it; an app file drops it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/server/db";
import { getApp } from "@/server/db/queries/apps";
import { appConfigSchema } from "@/server/apps/app-config";
import { runHttp } from "@/server/workflows/nodes/http";
import { withoutWorkflowSecrets } from "@/server/workflows/secret-headers";
import type { NodeOfType, WorkflowGraph } from "@/server/workflows/graph";
import { callerAs, createOwner } from "../support/fixtures";
import { nodeContext } from "../support/node-context";
import { startRequestRecorder, type RequestRecorder } from "../support/request-recorder";

const token = "Bearer wf-secret-7d41c2";
let api: RequestRecorder;
let elsewhere: RequestRecorder;

beforeAll(async () => {
  [api, elsewhere] = await Promise.all([startRequestRecorder(), startRequestRecorder()]);
});
afterAll(async () => {
  await Promise.all([api?.close(), elsewhere?.close()]);
});

async function workflowApp() {
  const { user, workspace } = await createOwner();
  const caller = callerAs(user.id, workspace.id);
  const app = await caller.apps.create({ type: "workflow", name: "Secret caller" });
  return { caller, workspaceId: workspace.id, app };
}

function withHttpNode(graph: WorkflowGraph, data: Record<string, unknown>, id = "http_1"): WorkflowGraph {
  return { ...graph, nodes: [...graph.nodes, { id, type: "http", title: "Call API", position: { x: 0, y: 0 }, parentId: null, data } as never] };
}

const httpNodeOf = (graph: WorkflowGraph, id = "http_1") => graph.nodes.find((n) => n.id === id) as NodeOfType<"http">;

describe("a workflow's secret headers", () => {
  it("are sealed on save, sent by a run, and never stored or shown in the clear", async () => {
    const { caller, workspaceId, app } = await workflowApp();
    const draft = (await caller.apps.get({ id: app.id })).draft;
    const headers = [{ name: "Authorization", value: token, secret: true }, { name: "Accept", value: "application/json", secret: false }];
    await caller.apps.updateDraft({ id: app.id, draft: { ...draft, workflow: withHttpNode(draft.workflow!, { url: `${api.origin}/orders`, headers }) } });

    const stored = await getApp(await getDb(), { workspaceId, id: app.id });
    expect(JSON.stringify(stored)).not.toContain("wf-secret-7d41c2");
    const shown = (await caller.apps.get({ id: app.id })).draft.workflow!;
    expect(httpNodeOf(shown).data.headers).toEqual([
      { name: "Authorization", value: "", secret: true, valueCiphertext: expect.any(String) },
      { name: "Accept", value: "application/json", secret: false },
    ]);

    const result = await runHttp(httpNodeOf(shown), { ...nodeContext({ workspaceId }), appId: app.id });
    expect(api.requests.at(-1)!.headers.authorization).toBe(token);
    expect(result.inputs).toEqual({ method: "GET", url: `${api.origin}/orders`, headers: ["Authorization", "Accept"] });
    expect(JSON.stringify(result)).not.toContain("wf-secret-7d41c2");

    // Saved again as shown (an unrelated edit): the sealed value is kept.
    await caller.apps.updateDraft({ id: app.id, draft: { ...(await caller.apps.get({ id: app.id })).draft, instructions: "edited" } });
    expect(httpNodeOf((await caller.apps.get({ id: app.id })).draft.workflow!).data.headers[0]!.valueCiphertext).toBe(httpNodeOf(shown).data.headers[0]!.valueCiphertext);
  });

  it("refuses a sealed value moved to another host, node or app, and stores nothing new", async () => {
    const { caller, workspaceId, app } = await workflowApp();
    const draft = (await caller.apps.get({ id: app.id })).draft;
    await caller.apps.updateDraft({ id: app.id, draft: { ...draft, workflow: withHttpNode(draft.workflow!, { url: `${api.origin}/a`, headers: [{ name: "Authorization", value: token, secret: true }] }) } });
    const saved = (await caller.apps.get({ id: app.id })).draft;
    const node = httpNodeOf(saved.workflow!);
    const movedHost = { ...saved.workflow!, nodes: saved.workflow!.nodes.map((n) => (n.id === "http_1" ? { ...node, data: { ...node.data, url: `${elsewhere.origin}/steal` } } : n)) };
    await expect(caller.apps.updateDraft({ id: app.id, draft: { ...saved, workflow: movedHost } })).rejects.toThrow(/entered for another address or node/);
    const movedNode = withHttpNode(saved.workflow!, { ...node.data }, "http_2");
    await expect(caller.apps.updateDraft({ id: app.id, draft: { ...saved, workflow: movedNode } })).rejects.toThrow(/entered for another address or node/);

    const other = await caller.apps.create({ type: "workflow", name: "Other" });
    const otherDraft = (await caller.apps.get({ id: other.id })).draft;
    await expect(caller.apps.updateDraft({ id: other.id, draft: { ...otherDraft, workflow: withHttpNode(otherDraft.workflow!, node.data) } })).rejects.toThrow(/entered for another address or node/);
    // A run of the moved node (as if stored some other way) refuses too, and nothing reached the other listener.
    await expect(runHttp({ ...node, data: { ...node.data, url: `${elsewhere.origin}/steal` } }, { ...nodeContext({ workspaceId }), appId: app.id })).rejects.toThrow(/cannot be used with this URL/);
    expect(elsewhere.requests).toEqual([]);
    expect(httpNodeOf((await caller.apps.get({ id: app.id })).draft.workflow!).data.url).toBe(`${api.origin}/a`);
  });

  it("needs a fixed address and a plain value", async () => {
    const { caller, app } = await workflowApp();
    const draft = (await caller.apps.get({ id: app.id })).draft;
    const save = (data: Record<string, unknown>) => caller.apps.updateDraft({ id: app.id, draft: { ...draft, workflow: withHttpNode(draft.workflow!, data) } });
    await expect(save({ url: "{{start.host}}/x", headers: [{ name: "Authorization", value: token, secret: true }] })).rejects.toThrow(/one fixed address/);
    await expect(save({ url: `${api.origin}/x`, headers: [{ name: "Authorization", value: "Bearer {{start.t}}", secret: true }] })).rejects.toThrow(/cannot hold \{\{references\}\}/);
  });

  it("are sealed again for a copy of the app, and left out of an app file", async () => {
    const { caller, workspaceId, app } = await workflowApp();
    const draft = (await caller.apps.get({ id: app.id })).draft;
    await caller.apps.updateDraft({ id: app.id, draft: { ...draft, workflow: withHttpNode(draft.workflow!, { url: `${api.origin}/copy`, headers: [{ name: "Authorization", value: token, secret: true }] }) } });
    const copy = await caller.apps.duplicate({ id: app.id });
    const copied = appConfigSchema.parse((await caller.apps.get({ id: copy.id })).draft).workflow!;
    await runHttp(httpNodeOf(copied), { ...nodeContext({ workspaceId }), appId: copy.id });
    expect(api.requests.at(-1)).toMatchObject({ url: "/copy", headers: { authorization: token } });
    expect(httpNodeOf(withoutWorkflowSecrets(copied)).data.headers).toEqual([{ name: "Authorization", value: "", secret: true }]);
  });
});

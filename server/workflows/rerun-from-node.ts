// Re-run from a node (Debug & Preview): a new run of the current draft whose nodes before the chosen one are stored
// as completed from an earlier run, with the person's edited outputs in place of theirs. The engine keeps completed
// node runs it finds stored (as on a resume), so it carries on from the chosen node without a second engine.
import "server-only";
import { appConfigSchema } from "@/server/apps/app-config";
import { getAppOrThrow } from "@/server/apps/apps";
import { getDb } from "@/server/db";
import { findWorkflowRun, listNodeRuns } from "@/server/db/queries/workflow-runs";
import type { WorkflowNodeRun } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { ancestorsOf, descendantsOf, scopeOf } from "./graph-order";
import { nodeTitle } from "./run-state";
import { startWorkflowRun } from "./workflow-runs";

/** The edited outputs, as JSON, at most this long: they are stored on the new run's node runs. */
export const maxEditedOutputsChars = 256_000;

export interface RerunWorkflowFrom {
  workspaceId: string;
  appId: string;
  runId: string;
  nodeId: string;
  /** Edited outputs by node id; each replaces that upstream node's outputs from the earlier run. */
  outputs: Record<string, Record<string, unknown>>;
  userId: string | null;
}

export async function rerunWorkflowFrom({ workspaceId, appId, runId, nodeId, outputs, userId }: RerunWorkflowFrom) {
  const app = await getAppOrThrow({ workspaceId, id: appId });
  if (app.type !== "workflow" && app.type !== "chatflow") throw new AppError("bad_request:workflow", "This app is not a workflow or a chatflow.");
  const config = appConfigSchema.parse(app.draft);
  const graph = config.workflow;
  if (!graph) throw new AppError("bad_request:workflow", "This app has no workflow to run.");
  const db = await getDb();
  const earlier = await findWorkflowRun(db, { workspaceId, id: runId });
  if (!earlier || earlier.appId !== appId) throw new AppError("not_found:workflow_run", "This workflow run does not exist or was deleted.");
  const node = graph.nodes.find((n) => n.id === nodeId);
  if (!node) throw new AppError("bad_request:workflow", "This node is no longer in the workflow. Run the workflow again from the start.");
  if (node.parentId) throw new AppError("bad_request:workflow", `${nodeTitle(node)} is inside an Iteration: re-run from the Iteration instead.`);
  if (JSON.stringify(outputs).length > maxEditedOutputsChars) {
    throw new AppError("bad_request:workflow", `The edited outputs are too long (at most ${maxEditedOutputsChars.toLocaleString("en")} characters of JSON).`);
  }
  const top = scopeOf(graph, null);
  const upstream = ancestorsOf(nodeId, top.edges);
  for (const id of Object.keys(outputs)) {
    if (!upstream.has(id)) {
      const other = graph.nodes.find((n) => n.id === id);
      const name = other ? nodeTitle(other) : `"${id}"`;
      throw new AppError("bad_request:workflow", `${name} does not come before ${nodeTitle(node)}: only the outputs of the nodes it reads can be edited.`);
    }
  }
  // Kept: every top-level node that is neither the chosen node nor after it, as the earlier run left it (completed),
  // when the draft still has that node with the same type.
  const after = descendantsOf(nodeId, top.edges);
  const kept = new Set(top.nodes.filter((n) => n.id !== nodeId && !after.has(n.id)).map((n) => n.id));
  const types = new Map(graph.nodes.map((n) => [n.id, n.type]));
  const earlierRuns = await listNodeRuns(db, { workspaceId, runId });
  const byNode = new Map(earlierRuns.filter((row) => row.itemIndex === null).map((row) => [row.nodeId, row]));
  const seeds: Omit<WorkflowNodeRun, "id" | "runId" | "workspaceId">[] = [];
  for (const id of kept) {
    const row = byNode.get(id);
    const edited = outputs[id];
    if (row && row.status === "completed" && row.nodeType === types.get(id)) {
      seeds.push(copyOf(row, edited));
      // An Iteration's body runs come along, so the trace still shows its items.
      if (row.nodeType === "iteration") seeds.push(...earlierRuns.filter((r) => r.itemIndex !== null && graph.nodes.some((n) => n.id === r.nodeId && n.parentId === id)).map((r) => copyOf(r)));
    } else if (edited) {
      // Not completed before (failed, skipped, new): the edited outputs stand in for a run of it.
      const now = new Date();
      seeds.push({ nodeId: id, nodeType: types.get(id)!, itemIndex: null, status: "completed", inputs: null, outputs: edited, error: null, branch: null, usage: null, startedAt: now, finishedAt: now, durationMs: 0 });
    }
  }
  const startEdit = Object.entries(outputs).find(([id]) => types.get(id) === "start")?.[1];
  const inputs = startEdit ? Object.fromEntries(config.variables.filter((v) => v.key in startEdit).map((v) => [v.key, startEdit[v.key]])) : earlier.inputs;
  return startWorkflowRun({
    workspaceId,
    appId,
    appVersionId: null,
    config,
    mode: app.type,
    inputs,
    query: earlier.snapshot.query,
    // A chatflow's re-run is the next turn of the same conversation; a workflow's gets a new one, like runDraft.
    conversationId: app.type === "chatflow" ? earlier.conversationId : null,
    source: "debug",
    userId,
    seedNodeRuns: seeds,
  });
}

function copyOf(row: WorkflowNodeRun, edited?: Record<string, unknown>): Omit<WorkflowNodeRun, "id" | "runId" | "workspaceId"> {
  const { id: _id, runId: _run, workspaceId: _ws, ...rest } = row;
  return edited ? { ...rest, outputs: edited } : rest;
}

// Runs one scope of a workflow (the top level, or an Iteration's body for one item) in topological order. A node
// runs when at least one incoming edge is active (its source completed and, from If/Else, on the branch taken);
// otherwise it is skipped, and skips propagate. Each node run is stored when it starts and when it ends.
import "server-only";
import type { WorkflowNode } from "./graph";
import { scopeOf, topologicalOrder } from "./graph-order";
import { executeNode, NodeError, type NodeResult } from "./nodes";
import { parseReference, readReference, renderText } from "./references";
import { runIteration } from "./run-iteration";
import { addUsage, nodeRunKey, nodeTitle, RunAborted, RunFailure, type RunState } from "./run-state";

type Outputs = Map<string, Record<string, unknown>>;
interface Settled {
  status: "completed" | "skipped";
  branch: string | null;
}

export async function runScope(state: RunState, parentId: string | null, outputs: Outputs, itemIndex: number | null): Promise<void> {
  const scope = scopeOf(state.snapshot.graph, parentId);
  const byId = new Map(scope.nodes.map((node) => [node.id, node]));
  const settled = new Map<string, Settled>();
  for (const id of topologicalOrder(scope).order) {
    const node = byId.get(id)!;
    const incoming = scope.edges.filter((edge) => edge.target === id);
    const active =
      incoming.length === 0 ||
      incoming.some((edge) => {
        const source = settled.get(edge.source);
        return source?.status === "completed" && (edge.sourceHandle === null || edge.sourceHandle === source.branch);
      });
    settled.set(id, active ? await runNode(state, node, outputs, itemIndex) : await skipNode(state, node, itemIndex));
  }
}

async function skipNode(state: RunState, node: WorkflowNode, itemIndex: number | null): Promise<Settled> {
  if (state.stored.get(nodeRunKey(node.id, itemIndex))?.status !== "skipped") {
    await state.save({ nodeId: node.id, nodeType: node.type, itemIndex, status: "skipped" });
  }
  return { status: "skipped", branch: null };
}

async function runNode(state: RunState, node: WorkflowNode, outputs: Outputs, itemIndex: number | null): Promise<Settled> {
  const earlier = state.stored.get(nodeRunKey(node.id, itemIndex));
  if (earlier?.status === "completed") {
    // Resumed: what it gave before feeds the nodes after it; it does not run again.
    outputs.set(node.id, earlier.outputs ?? {});
    addUsage(state.usage, earlier.usage);
    if (node.type === "answer") state.answers.push({ at: earlier.startedAt.getTime(), text: String(earlier.outputs?.["text"] ?? "") });
    return { status: "completed", branch: earlier.branch };
  }
  // Yield to the event loop between nodes: on the embedded database every query settles as a microtask, so a long
  // run of quick nodes would otherwise hold off timers (the stop watch, the time limit) and requests until it ends.
  await new Promise((resolve) => setImmediate(resolve));
  if (state.signal.aborted) throw new RunAborted();
  // A node left "running" (or failed) by an earlier attempt was counted when it started.
  if (!earlier) {
    state.nodeRuns += 1;
    const limit = state.snapshot.graph.limits.maxNodeRuns;
    if (state.nodeRuns > limit) throw new RunFailure(`The run reached its limit of ${limit} node runs (maxNodeRuns) before ${nodeTitle(node)}.`);
  }
  const startedAt = new Date();
  const base = { nodeId: node.id, nodeType: node.type, itemIndex, startedAt };
  await state.save({ ...base, status: "running" });
  try {
    const result = await execute(state, node, outputs);
    outputs.set(node.id, result.outputs);
    addUsage(state.usage, result.usage);
    const finishedAt = new Date();
    await state.save({
      ...base,
      status: "completed",
      inputs: result.inputs,
      outputs: result.outputs,
      branch: result.branch ?? null,
      usage: result.usage ?? null,
      finishedAt,
      durationMs: finishedAt.getTime() - startedAt.getTime(),
    });
    return { status: "completed", branch: result.branch ?? null };
  } catch (error) {
    if (error instanceof RunAborted || state.signal.aborted) throw new RunAborted();
    let failure: RunFailure;
    if (error instanceof RunFailure) failure = error;
    else if (error instanceof NodeError) failure = new RunFailure(`${nodeTitle(node)}: ${error.message}`);
    else {
      console.error(`[workflows] node ${node.id} (${node.type}) of run ${state.run.id} failed:`, error);
      failure = new RunFailure(`${nodeTitle(node)}: This step failed unexpectedly. The server log has the details.`);
    }
    const finishedAt = new Date();
    const message = failure.message.startsWith(`${nodeTitle(node)}: `) ? failure.message.slice(nodeTitle(node).length + 2) : failure.message;
    await state.save({ ...base, status: "failed", error: message, finishedAt, durationMs: finishedAt.getTime() - startedAt.getTime() });
    throw failure;
  }
}

async function execute(state: RunState, node: WorkflowNode, outputs: Outputs): Promise<NodeResult> {
  const { run, snapshot } = state;
  switch (node.type) {
    case "start": {
      const given = snapshot.mode === "chatflow" ? { ...run.inputs, query: snapshot.query ?? "", conversation_id: run.conversationId } : { ...run.inputs };
      return { inputs: given, outputs: given };
    }
    case "end": {
      const values: Record<string, unknown> = {};
      for (const output of node.data.outputs) {
        const ref = parseReference(output.value);
        values[output.name] = ref ? (readReference(outputs, ref) ?? null) : null;
      }
      return { inputs: values, outputs: values };
    }
    case "answer": {
      const text = renderText(node.data.text, outputs);
      state.answers.push({ at: Date.now(), text });
      return { inputs: { text }, outputs: { text } };
    }
    case "iteration":
      return runIteration(state, node, outputs, runScope);
    default:
      return executeNode(node, {
        workspaceId: run.workspaceId,
        appId: run.appId,
        runId: run.id,
        userId: run.createdBy,
        outputs,
        history: state.history,
        signal: state.signal,
      });
  }
}

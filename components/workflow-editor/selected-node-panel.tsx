"use client";
// Wires the panel of the selected node to the graph's history, or, when nothing is selected, says how to start
// and edits the run limits.
import type { AppConfig } from "@/server/apps/app-config";
import type { GraphProblem } from "@/server/workflows/check-graph";
import type { SchemaContext } from "@/server/workflows/check-references";
import type { WorkflowGraph, WorkflowNode } from "@/server/workflows/graph";
import { connect, deleteElements, updateNode } from "./graph-edits";
import { LimitsForm } from "./limits-form";
import { NodePanel } from "./node-panel";
import { bodyOutputOptions, referenceOptions } from "./reference-options";
import type { useGraphHistory } from "./use-graph-history";

export function SelectedNodePanel({
  graph,
  node,
  problems,
  ctx,
  history,
  draft,
  setDraft,
  disabled,
  onCleared,
}: {
  graph: WorkflowGraph;
  node: WorkflowNode | undefined;
  problems: GraphProblem[];
  ctx: SchemaContext;
  history: ReturnType<typeof useGraphHistory>;
  draft: AppConfig;
  setDraft: (update: (current: AppConfig) => AppConfig) => void;
  disabled: boolean;
  onCleared: () => void;
}) {
  if (!node) {
    return (
      <div className="grid gap-2 text-sm text-muted-foreground">
        <p>Select a node to edit its settings.</p>
        <p>Add steps with the buttons above, connect them by dragging from a node&apos;s right handle to another&apos;s left one (or with Next steps in a node&apos;s settings), and delete a selection with Delete or Backspace. Ctrl+Z undoes.</p>
        <LimitsForm limits={graph.limits} disabled={disabled} onChange={(limits) => history.change((g) => ({ ...g, limits }), { coalesce: "limits" })} />
      </div>
    );
  }
  const id = node.id;
  return (
    <NodePanel
      key={id}
      graph={graph}
      node={node}
      problems={problems.filter((p) => p.nodeId === id)}
      refs={referenceOptions(graph, node, ctx)}
      bodyRefs={node.type === "iteration" ? bodyOutputOptions(graph, node, ctx) : []}
      variables={draft.variables}
      disabled={disabled}
      onChange={(next) => history.change((g) => updateNode(g, id, () => next), { coalesce: `node:${id}` })}
      onVariablesChange={(variables) => setDraft((d) => ({ ...d, variables }))}
      onConnect={(target, handle) => history.change((g) => connect(g, id, target, handle))}
      onRemoveEdge={(edgeId) => history.change((g) => deleteElements(g, [], [edgeId]))}
      onDelete={() => {
        history.change((g) => deleteElements(g, [id]));
        onCleared();
      }}
    />
  );
}

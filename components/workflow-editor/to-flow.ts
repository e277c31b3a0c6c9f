// The graph as React Flow draws it: Iterations sized to hold their body, parents before children, red edges where
// the checker found a problem.
import type { Edge } from "@xyflow/react";
import type { WorkflowGraph } from "@/server/workflows/graph";
import type { GraphProblem } from "@/server/workflows/check-graph";
import type { NodeState } from "@/components/workflow-preview/types";
import type { StepFlowNode } from "./flow-nodes";

const stepSize = { width: 224, height: 64 };

/** An Iteration's box: room for its body where it sits, and never smaller than a useful minimum. */
export function iterationSize(graph: WorkflowGraph, id: string) {
  const body = graph.nodes.filter((node) => node.parentId === id);
  const width = Math.max(420, ...body.map((node) => node.position.x + stepSize.width + 24));
  const height = Math.max(200, ...body.map((node) => node.position.y + stepSize.height + 40));
  return { width, height };
}

export function toFlowNodes(
  graph: WorkflowGraph,
  problems: GraphProblem[],
  selected: ReadonlySet<string>,
  disabled: boolean,
  runStates: Record<string, NodeState> = {},
): StepFlowNode[] {
  const counts = new Map<string, number>();
  for (const p of problems) if (p.nodeId) counts.set(p.nodeId, (counts.get(p.nodeId) ?? 0) + 1);
  const ordered = [...graph.nodes.filter((node) => !node.parentId), ...graph.nodes.filter((node) => node.parentId)];
  return ordered.map((node) => ({
    id: node.id,
    type: node.type === "iteration" ? "iteration" : "step",
    position: node.position,
    data: { node, problemCount: counts.get(node.id) ?? 0, runState: runStates[node.id] },
    selected: selected.has(node.id),
    deletable: !disabled && node.type !== "start",
    draggable: !disabled,
    connectable: !disabled,
    ...(node.parentId ? { parentId: node.parentId, extent: "parent" as const } : {}),
    ...(node.type === "iteration" ? { style: iterationSize(graph, node.id), zIndex: -1 } : {}),
    ariaLabel: `${node.title || node.id} (${node.id})`,
  }));
}

export function toFlowEdges(graph: WorkflowGraph, problems: GraphProblem[], selected: ReadonlySet<string>, disabled: boolean): Edge[] {
  const bad = new Set(problems.map((p) => p.edgeId).filter(Boolean));
  return graph.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    sourceHandle: edge.sourceHandle ?? undefined,
    selected: selected.has(edge.id),
    deletable: !disabled,
    label: edge.sourceHandle ?? undefined,
    ariaLabel: `Connection from ${edge.source}${edge.sourceHandle ? ` (${edge.sourceHandle})` : ""} to ${edge.target}`,
    style: bad.has(edge.id) ? { stroke: "var(--destructive)", strokeWidth: 2 } : undefined,
    className: bad.has(edge.id) ? "edge-problem" : undefined,
  }));
}

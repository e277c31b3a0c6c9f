// "Tidy up": lays the steps out top to bottom by how far each is from the start of its scope (the longest path to
// it), each row centred, an Iteration's body inside its box the same way. Top to bottom because the canvas is taller
// than it is wide beside the settings panel, so a run of steps stays readable at full size. Pure: undo keeps the
// old layout.
import type { WorkflowGraph, WorkflowNode } from "@/server/workflows/graph";
import { scopeOf, topologicalOrder } from "@/server/workflows/graph-order";
import { iterationSize } from "./to-flow";

type Positions = Map<string, { x: number; y: number }>;

const gap = { x: 260, y: 120 };
const body = { x: 250, y: 90, left: 24, top: 76 };

function layers(graph: WorkflowGraph, parentId: string | null): WorkflowNode[][] {
  const scope = scopeOf(graph, parentId);
  const { order, cyclic } = topologicalOrder(scope);
  const depth = new Map<string, number>();
  for (const id of [...order, ...cyclic]) {
    const before = scope.edges.filter((edge) => edge.target === id).map((edge) => depth.get(edge.source));
    depth.set(id, Math.max(-1, ...before.filter((d): d is number => d !== undefined)) + 1);
  }
  const result: WorkflowNode[][] = [];
  for (const node of scope.nodes) (result[depth.get(node.id)!] ??= []).push(node);
  // Within a row, nodes keep their left-to-right order, so a tidy-up does not reshuffle what the person placed.
  return result.filter(Boolean).map((layer) => [...layer].sort((a, b) => a.position.x - b.position.x));
}

/** Places one scope's nodes in rows: top-level rows centred on x = 0, a body's rows from its box's corner. */
function place(graph: WorkflowGraph, parentId: string | null, positions: Positions) {
  const spacing = parentId ? body : gap;
  let y = parentId ? body.top : 0;
  for (const layer of layers(graph, parentId)) {
    // An Iteration's box is wider and taller than a step: its row makes room for it.
    const widths = layer.map((node) => (node.type === "iteration" ? iterationSize(graph, node.id).width + 36 : spacing.x));
    let x = parentId ? body.left : -widths.reduce((sum, w) => sum + w, 0) / 2;
    let tallest = spacing.y;
    layer.forEach((node, i) => {
      positions.set(node.id, { x, y });
      x += widths[i]!;
      if (node.type === "iteration") tallest = Math.max(tallest, iterationSize(graph, node.id).height + 46);
    });
    y += tallest;
  }
}

const moved = (graph: WorkflowGraph, positions: Positions): WorkflowGraph => ({
  ...graph,
  nodes: graph.nodes.map((node) => ({ ...node, position: positions.get(node.id) ?? node.position })),
});

export function tidyLayout(graph: WorkflowGraph): WorkflowGraph {
  const positions: Positions = new Map();
  for (const iteration of graph.nodes.filter((node) => node.type === "iteration")) place(graph, iteration.id, positions);
  // Bodies first: an Iteration's box size, which the top level leaves room for, follows them.
  const withBodies = moved(graph, positions);
  place(withBodies, null, positions);
  return moved(withBodies, positions);
}

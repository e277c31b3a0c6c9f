// Pure edits of a workflow graph, as the canvas makes them: each returns a new graph, so undo keeps the old one.
import { nodeDataDefaults, type NodeType, type WorkflowEdge, type WorkflowGraph, type WorkflowNode } from "@/server/workflows/graph";
import type { ModelChoice } from "@/server/apps/model-choice";
import { nodeCatalog } from "./node-catalog";

/** A readable id no node has yet: `llm_1`, `code_2`, `if_else_1` (ids appear in `{{node.output}}` references). */
export function nextNodeId(graph: WorkflowGraph, type: NodeType): string {
  const prefix = type.replace("-", "_");
  const taken = new Set(graph.nodes.map((node) => node.id));
  let n = 1;
  while (taken.has(`${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}

export function addNode(
  graph: WorkflowGraph,
  type: NodeType,
  options: { position: { x: number; y: number }; parentId?: string | null; model?: ModelChoice | null },
): { graph: WorkflowGraph; id: string } {
  const id = nextNodeId(graph, type);
  const defaults = nodeDataDefaults(type);
  // A model step starts on the app's model (the workspace's default when the app was made), ready to run.
  const data = (type === "llm" || type === "agent") && options.model ? { ...defaults, model: options.model } : defaults;
  const node = { id, type, title: nodeCatalog[type].label, position: options.position, parentId: options.parentId ?? null, data } as WorkflowNode;
  // A body node follows its Iteration in the list: React Flow draws a parent before its children.
  return { graph: { ...graph, nodes: [...graph.nodes, node] }, id };
}

/** Removes nodes (an Iteration with its body) and every edge that touches them; Start stays. */
export function deleteElements(graph: WorkflowGraph, nodeIds: string[], edgeIds: string[] = []): WorkflowGraph {
  const gone = new Set(nodeIds.filter((id) => graph.nodes.find((node) => node.id === id)?.type !== "start"));
  for (const node of graph.nodes) if (node.parentId && gone.has(node.parentId)) gone.add(node.id);
  const edges = new Set(edgeIds);
  // Nothing of it left (a stale selection): the same graph, so the history records no empty step.
  if (!graph.nodes.some((node) => gone.has(node.id)) && !graph.edges.some((edge) => edges.has(edge.id))) return graph;
  return {
    ...graph,
    nodes: graph.nodes.filter((node) => !gone.has(node.id)),
    edges: graph.edges.filter((edge) => !edges.has(edge.id) && !gone.has(edge.source) && !gone.has(edge.target)),
  };
}

export function connect(graph: WorkflowGraph, source: string, target: string, sourceHandle: "true" | "false" | null = null): WorkflowGraph {
  if (graph.edges.some((e) => e.source === source && e.target === target && e.sourceHandle === sourceHandle)) return graph;
  const base = sourceHandle ? `${source}:${sourceHandle}->${target}` : `${source}->${target}`;
  let id = base;
  for (let n = 2; graph.edges.some((e) => e.id === id); n++) id = `${base}#${n}`;
  const edge: WorkflowEdge = { id, source, target, sourceHandle };
  return { ...graph, edges: [...graph.edges, edge] };
}

export function moveNode(graph: WorkflowGraph, id: string, position: { x: number; y: number }): WorkflowGraph {
  return { ...graph, nodes: graph.nodes.map((node) => (node.id === id ? { ...node, position } : node)) };
}

export function updateNode(graph: WorkflowGraph, id: string, update: (node: WorkflowNode) => WorkflowNode): WorkflowGraph {
  return { ...graph, nodes: graph.nodes.map((node) => (node.id === id ? update(node) : node)) };
}

/** Where a new node goes: below every node of its scope, midway across, so it never lands on another. */
export function freePosition(graph: WorkflowGraph, parentId: string | null): { x: number; y: number } {
  const scope = graph.nodes.filter((node) => node.parentId === parentId);
  if (parentId) return { x: 24 + scope.length * 40, y: 76 + scope.length * 90 };
  if (scope.length === 0) return { x: 0, y: 0 };
  // Beside everything, halfway down: never on top of a step or of the edges between them (Tidy up straightens it).
  const ys = scope.map((node) => node.position.y);
  return { x: Math.max(...scope.map((node) => node.position.x)) + 260, y: Math.round((Math.min(...ys) + Math.max(...ys)) / 2) };
}

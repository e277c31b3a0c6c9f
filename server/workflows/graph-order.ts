// The shape of a graph: its scopes (the top level, and each Iteration's body), the order nodes run in, and which
// nodes come before which. The checker and the engine read a graph through these, so they agree on it.
import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from "./graph";

export interface Scope {
  /** null for the top level; an Iteration's id for its body. */
  parentId: string | null;
  nodes: WorkflowNode[];
  /** The edges whose ends are both in this scope. */
  edges: WorkflowEdge[];
}

export function scopeOf(graph: WorkflowGraph, parentId: string | null): Scope {
  const nodes = graph.nodes.filter((node) => node.parentId === parentId);
  const ids = new Set(nodes.map((node) => node.id));
  return { parentId, nodes, edges: graph.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target)) };
}

/** The top level and every Iteration body. */
export function allScopes(graph: WorkflowGraph): Scope[] {
  const iterations = graph.nodes.filter((node) => node.type === "iteration").map((node) => node.id);
  return [null, ...iterations].map((parentId) => scopeOf(graph, parentId));
}

/**
 * Kahn's order of a scope's nodes; `cyclic` holds the nodes that could not be ordered because they sit on a cycle
 * or after one. Ties keep the nodes' order in the graph, so a run's order is stable.
 */
export function topologicalOrder(scope: Scope): { order: string[]; cyclic: string[] } {
  const incoming = new Map(scope.nodes.map((node) => [node.id, 0]));
  for (const edge of scope.edges) incoming.set(edge.target, (incoming.get(edge.target) ?? 0) + 1);
  const ready = scope.nodes.filter((node) => incoming.get(node.id) === 0).map((node) => node.id);
  const order: string[] = [];
  while (ready.length > 0) {
    const id = ready.shift()!;
    order.push(id);
    for (const edge of scope.edges) {
      if (edge.source !== id) continue;
      const left = incoming.get(edge.target)! - 1;
      incoming.set(edge.target, left);
      if (left === 0) ready.push(edge.target);
    }
  }
  const placed = new Set(order);
  return { order, cyclic: scope.nodes.filter((node) => !placed.has(node.id)).map((node) => node.id) };
}

/** The nodes with a path to `nodeId` along `edges`. */
export function ancestorsOf(nodeId: string, edges: WorkflowEdge[]): Set<string> {
  const found = new Set<string>();
  const queue = [nodeId];
  while (queue.length > 0) {
    const id = queue.pop()!;
    for (const edge of edges) {
      if (edge.target === id && !found.has(edge.source)) {
        found.add(edge.source);
        queue.push(edge.source);
      }
    }
  }
  return found;
}

/** The nodes reachable from `nodeId` along `edges`. */
export function descendantsOf(nodeId: string, edges: WorkflowEdge[]): Set<string> {
  const reversed = edges.map((edge) => ({ ...edge, source: edge.target, target: edge.source }));
  return ancestorsOf(nodeId, reversed);
}

/**
 * The nodes whose outputs a node may read: those before it in its scope, and for a node inside an Iteration, the
 * Iteration itself (its item and index) and the nodes before the Iteration.
 */
export function readableNodes(graph: WorkflowGraph, node: WorkflowNode): Set<string> {
  const readable = ancestorsOf(node.id, scopeOf(graph, node.parentId).edges);
  if (node.parentId) {
    const iteration = graph.nodes.find((n) => n.id === node.parentId);
    readable.add(node.parentId);
    if (iteration) for (const id of readableNodes(graph, iteration)) readable.add(id);
  }
  return readable;
}

// The steps of a workflow compared between a version and the draft: nodes added, removed or changed (by title), and
// connections added or removed. Where a node sits on the canvas is not a change to how it runs.
import type { WorkflowGraph } from "@/server/workflows/graph";
import { canonicalJson as stable } from "@/shared/canonical-json";

export function diffWorkflows(from: WorkflowGraph | null, to: WorkflowGraph | null): string[] {
  if (!from && !to) return [];
  const before = new Map((from?.nodes ?? []).map((node) => [node.id, node]));
  const after = new Map((to?.nodes ?? []).map((node) => [node.id, node]));
  const name = (node: { id: string; title: string }) => `"${node.title || node.id}"`;
  const changes: string[] = [];
  for (const [id, node] of before) if (!after.has(id)) changes.push(`removed ${name(node)} (${node.type})`);
  for (const [id, node] of after) {
    const old = before.get(id);
    if (!old) changes.push(`added ${name(node)} (${node.type})`);
    else if (stable({ ...old, position: null }) !== stable({ ...node, position: null })) changes.push(`changed ${name(node)}`);
  }
  const edge = (e: { source: string; target: string; sourceHandle: string | null }) => `${e.source}:${e.sourceHandle ?? ""}->${e.target}`;
  const fromEdges = new Set((from?.edges ?? []).map(edge));
  const toEdges = new Set((to?.edges ?? []).map(edge));
  const added = [...toEdges].filter((e) => !fromEdges.has(e)).length;
  const removed = [...fromEdges].filter((e) => !toEdges.has(e)).length;
  if (added || removed) changes.push(`connections: ${added} added, ${removed} removed`);
  if (stable(from?.limits) !== stable(to?.limits)) changes.push("run limits changed");
  return changes;
}

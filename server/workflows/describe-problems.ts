// A graph's problems in one sentence for an error message: the first few, each on its node ("<title>: <message>").
import type { GraphProblem } from "./check-graph";
import type { WorkflowGraph } from "./graph";

export function describeProblems(graph: Pick<WorkflowGraph, "nodes">, problems: GraphProblem[], shown = 3): string {
  const titles = new Map(graph.nodes.map((node) => [node.id, node.title.trim() || node.id]));
  const parts = problems.slice(0, shown).map((problem) => (problem.nodeId && titles.has(problem.nodeId) ? `${titles.get(problem.nodeId)}: ${problem.message}` : problem.message));
  const more = problems.length > shown ? ` (and ${problems.length - shown} more)` : "";
  return parts.join(" ") + more;
}

// Whether a workflow can run and be published: its shape (one Start, an end, edges between nodes of one scope, no
// cycles, every node reachable), each node's required settings, and the typed references between nodes. The
// canvas shows each problem on its node; Publish refuses a graph with any.
import type { WorkflowGraph, WorkflowMode, WorkflowNode } from "./graph";
import { allScopes, descendantsOf, scopeOf, topologicalOrder } from "./graph-order";
import { checkReferences, type GraphProblem, type SchemaContext } from "./check-references";

export type { GraphProblem } from "./check-references";

const outOfIteration = new Set(["start", "end", "answer", "iteration"]);

function checkShape(graph: WorkflowGraph, mode: WorkflowMode): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const byId = new Map<string, WorkflowNode>();
  for (const node of graph.nodes) {
    if (byId.has(node.id)) problems.push({ nodeId: node.id, message: `Two nodes have the id "${node.id}": rename one.` });
    byId.set(node.id, node);
  }
  const starts = graph.nodes.filter((node) => node.type === "start");
  if (starts.length !== 1) problems.push({ nodeId: starts[1]?.id ?? null, message: starts.length === 0 ? "Add a Start node." : "A workflow has one Start node: delete the others." });
  const last = mode === "chatflow" ? "answer" : "end";
  const wrong = mode === "chatflow" ? "end" : "answer";
  const lasts = graph.nodes.filter((node) => node.type === last);
  if (lasts.length === 0) problems.push({ nodeId: null, message: mode === "chatflow" ? "Add an Answer node: it says what the chatflow replies." : "Add an End node: it names the workflow's outputs." });
  // One End is the published tool's one outputSchema; branches join there (it runs once either side arrives).
  if (mode === "workflow" && lasts.length > 1) problems.push({ nodeId: lasts[1]!.id, message: "A workflow has one End node: connect every branch to it and delete the others." });
  for (const node of graph.nodes) {
    if (node.type === wrong) problems.push({ nodeId: node.id, message: mode === "chatflow" ? "A chatflow answers with Answer nodes: replace End with Answer." : "Answer nodes belong to chatflows: use End for a workflow's outputs." });
    if (node.parentId !== null) {
      const parent = byId.get(node.parentId);
      if (parent?.type !== "iteration") problems.push({ nodeId: node.id, message: "This node sits inside something that is not an Iteration." });
      else if (outOfIteration.has(node.type)) problems.push({ nodeId: node.id, message: `A ${node.type === "iteration" ? "nested Iteration" : `${node.type} node`} cannot be inside an Iteration.` });
    }
  }
  const seen = new Set<string>();
  for (const edge of graph.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    const problem = (message: string) => problems.push({ nodeId: source?.id ?? null, edgeId: edge.id, message });
    if (!source || !target) problem("This connection leads to a node that no longer exists: delete it.");
    else if (source.parentId !== target.parentId) problem("A connection cannot cross an Iteration's border: connect nodes inside it to each other.");
    else if (edge.source === edge.target) problem("A node cannot connect to itself.");
    else if (target.type === "start") problem("Nothing can lead into Start.");
    else if (source.type === "end" || source.type === "answer") problem(`Nothing follows ${source.type === "end" ? "End" : "an Answer"}.`);
    else if ((source.type === "if-else") !== (edge.sourceHandle !== null)) problem(source.type === "if-else" ? "Connect from the node's true or false side." : "Only If/Else connects from a true or false side.");
    const key = `${edge.source}:${edge.sourceHandle}:${edge.target}`;
    if (seen.has(key)) problem("These two nodes are connected twice: delete one connection.");
    seen.add(key);
  }
  return problems;
}

function checkOrder(graph: WorkflowGraph): GraphProblem[] {
  const problems: GraphProblem[] = [];
  for (const scope of allScopes(graph)) {
    for (const nodeId of topologicalOrder(scope).cyclic) {
      problems.push({ nodeId, message: scope.parentId ? "This node is on a loop inside the Iteration: an Iteration's body runs once per item, without loops." : "This node is on a loop: a workflow runs forward only (use an Iteration to repeat steps)." });
    }
  }
  const start = graph.nodes.find((node) => node.type === "start" && node.parentId === null);
  if (start) {
    const top = scopeOf(graph, null);
    const reached = descendantsOf(start.id, top.edges);
    for (const node of top.nodes) {
      if (node.id !== start.id && !reached.has(node.id)) problems.push({ nodeId: node.id, message: "Nothing leads here from Start: connect this node or delete it." });
    }
  }
  return problems;
}

function checkSettings(graph: WorkflowGraph): GraphProblem[] {
  const problems: GraphProblem[] = [];
  for (const node of graph.nodes) {
    const problem = (field: string, message: string) => problems.push({ nodeId: node.id, field, message });
    if ((node.type === "llm" || node.type === "agent") && !node.data.model) problem("model", "Choose a model.");
    if (node.type === "mcp-tool" && (!node.data.serverId || !node.data.tool)) problem("tool", "Choose a tool server and one of its tools.");
    if (node.type === "if-else" && node.data.conditions.length === 0) problem("conditions", "Add a condition.");
    if (node.type === "code" && node.data.outputs.length === 0) problem("outputs", "Declare at least one output that main returns.");
    if (node.type === "end" && node.data.outputs.length === 0) problem("outputs", "Add an output: it is what the workflow returns.");
    if (node.type === "end" || node.type === "code") {
      const names = new Set<string>();
      (node.data.outputs as { name: string }[]).forEach((output, i) => {
        if (names.has(output.name)) problem(`outputs.${i}.name`, `The output "${output.name}" is named twice.`);
        names.add(output.name);
      });
    }
    if (node.type === "http") {
      node.data.headers.forEach((header, i) => {
        if (header.secret && !header.value && !header.valueCiphertext) problem(`headers.${i}.value`, `Enter the secret value of header ${header.name || i + 1}.`);
      });
    }
    if (node.type === "iteration" && !graph.nodes.some((child) => child.parentId === node.id)) problem("body", "Add the steps to run for each item inside the Iteration.");
  }
  return problems;
}

/** Every problem with the graph, empty when it can run and be published. */
export function checkGraph(graph: WorkflowGraph, ctx: SchemaContext): GraphProblem[] {
  const shape = checkShape(graph, ctx.mode);
  // References are read along edges, which mean nothing until the shape holds.
  if (shape.length > 0) return [...shape, ...checkSettings(graph)];
  const order = checkOrder(graph);
  return [...order, ...checkSettings(graph), ...(order.length > 0 ? [] : checkReferences(graph, ctx))];
}

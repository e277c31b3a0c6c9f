import { describe, expect, it } from "vitest";
import { variableSchema } from "@/server/apps/app-config";
import { checkGraph } from "@/server/workflows/check-graph";
import { emptyWorkflow, workflowGraphSchema, type WorkflowGraph } from "@/server/workflows/graph";
import { workflowOutputSchema } from "@/server/workflows/published-schema";

const variables = [variableSchema.parse({ key: "city", label: "City", type: "text" }), variableSchema.parse({ key: "days", label: "Days", type: "number" })];
const model = { providerId: "p", model: "m" };

/** Start -> a chain of nodes -> End, built from the nodes' loose JSON as the canvas would save it. */
function chain(nodes: object[], endOutputs: object[], extraEdges: object[] = []): WorkflowGraph {
  const ids = ["start", ...nodes.map((n) => (n as { id: string }).id), "end"];
  return workflowGraphSchema.parse({
    nodes: [{ id: "start", type: "start" }, ...nodes, { id: "end", type: "end", data: { outputs: endOutputs } }],
    edges: [...ids.slice(1).map((id, i) => ({ id: `e${i}`, source: ids[i], target: id })), ...extraEdges],
  });
}

const check = (graph: WorkflowGraph) => checkGraph(graph, { mode: "workflow", variables });

describe("checkGraph", () => {
  it("accepts a typed chain from Start to End", () => {
    const graph = chain(
      [
        { id: "llm_1", type: "llm", data: { model, prompt: "Weather in {{start.city}} for {{start.days}} days" } },
        { id: "tpl", type: "template", data: { template: "Report: {{llm_1.text}}" } },
      ],
      [{ name: "report", type: "string", value: "tpl.text" }, { name: "days", type: "number", value: "start.days" }],
    );
    expect(check(graph)).toEqual([]);
  });

  it("points at the node and field of a reference to a missing output or node", () => {
    const graph = chain([{ id: "tpl", type: "template", data: { template: "{{start.country}} and {{ghost.text}}" } }], [{ name: "out", type: "string", value: "tpl.text" }]);
    const problems = check(graph);
    expect(problems).toEqual([
      expect.objectContaining({ nodeId: "tpl", field: "template", message: expect.stringContaining('no output "country"') }),
      expect.objectContaining({ nodeId: "tpl", field: "template", message: expect.stringContaining("does not exist") }),
    ]);
  });

  it("refuses a reference whose type does not fit the field", () => {
    const graph = chain([], [{ name: "n", type: "number", value: "start.city" }]);
    expect(check(graph)).toEqual([expect.objectContaining({ nodeId: "end", field: "outputs.0.value", message: expect.stringContaining("is a string, and this field needs a number") })]);
  });

  it("refuses reading a node that runs later", () => {
    const graph = chain([{ id: "a", type: "template", data: { template: "{{b.text}}" } }, { id: "b", type: "template", data: { template: "x" } }], [{ name: "o", type: "string", value: "b.text" }]);
    expect(check(graph)).toEqual([expect.objectContaining({ nodeId: "a", message: expect.stringContaining("does not run before this node") })]);
  });

  it("marks every node on a cycle", () => {
    const graph = chain([{ id: "a", type: "template", data: { template: "x" } }, { id: "b", type: "template", data: { template: "y" } }], [{ name: "o", type: "string", value: "b.text" }], [{ id: "back", source: "b", target: "a" }]);
    const cyclic = check(graph).filter((p) => p.message.includes("loop"));
    expect(cyclic.map((p) => p.nodeId).sort()).toEqual(["a", "b", "end"]);
  });

  it("types an Iteration's item from its list and its results from its body", () => {
    const graph = workflowGraphSchema.parse({
      nodes: [
        { id: "start", type: "start" },
        { id: "code", type: "code", data: { outputs: [{ name: "list", type: "array" }] } },
        { id: "each", type: "iteration", data: { items: "code.list", output: "shout.text" } },
        { id: "shout", type: "template", parentId: "each", data: { template: "{{each.item}} #{{each.index}} in {{start.city}}" } },
        { id: "end", type: "end", data: { outputs: [{ name: "all", type: "array", value: "each.results" }, { name: "bad", type: "array", value: "start.city" }] } },
      ],
      edges: [
        { id: "1", source: "start", target: "code" },
        { id: "2", source: "code", target: "each" },
        { id: "3", source: "each", target: "end" },
      ],
    });
    expect(check(graph)).toEqual([expect.objectContaining({ nodeId: "end", field: "outputs.1.value" })]);
  });

  it("needs an If/Else edge to leave from a side, and a comparison to compare numbers", () => {
    const graph = chain([{ id: "if", type: "if-else", data: { conditions: [{ left: "start.city", operator: "greater-than", right: "3" }] } }], [{ name: "o", type: "string", value: "start.city" }]);
    expect(check(graph).map((p) => p.message)).toEqual([expect.stringContaining("true or false side")]);
    graph.edges[1]!.sourceHandle = "true";
    expect(check(graph)).toEqual([expect.objectContaining({ nodeId: "if", field: "conditions.0.left", message: expect.stringContaining("needs a number") })]);
  });

  it("asks for an End in a workflow and an Answer in a chatflow", () => {
    expect(check(emptyWorkflow("workflow")).map((p) => p.field)).toEqual(["outputs"]);
    expect(checkGraph(emptyWorkflow("chatflow"), { mode: "chatflow", variables })).toEqual([expect.objectContaining({ nodeId: "answer", field: "text" })]);
    expect(checkGraph(emptyWorkflow("workflow"), { mode: "chatflow", variables }).map((p) => p.message)).toContain("Add an Answer node: it says what the chatflow replies.");
  });

  it("allows one End, where branches join", () => {
    const graph = chain([], [{ name: "o", type: "string", value: "start.city" }]);
    graph.nodes.push(workflowGraphSchema.shape.nodes.element.parse({ id: "end_2", type: "end", data: { outputs: [{ name: "o", type: "string", value: "start.city" }] } }));
    graph.edges.push({ id: "x", source: "start", target: "end_2", sourceHandle: null });
    expect(check(graph)).toEqual([expect.objectContaining({ nodeId: "end_2", message: expect.stringContaining("one End node") })]);
  });

  it("finds nodes that nothing leads to", () => {
    const graph = chain([], [{ name: "o", type: "string", value: "start.city" }]);
    graph.nodes.push(workflowGraphSchema.shape.nodes.element.parse({ id: "lost", type: "template", data: { template: "x" } }));
    expect(check(graph)).toEqual([expect.objectContaining({ nodeId: "lost", message: expect.stringContaining("Nothing leads here") })]);
  });
});

describe("a published workflow's outputSchema", () => {
  it("lets an output read from a step a branch can skip be null, and keeps the others strict", () => {
    const graph = chain(
      [
        { id: "if_1", type: "if-else", data: { conditions: [{ left: "start.days", operator: "greater-than", right: "3" }] } },
        { id: "long", type: "template", data: { template: "A long trip" } },
      ],
      [{ name: "note", type: "string", value: "long.text" }, { name: "days", type: "number", value: "start.days" }, { name: "long_trip", type: "boolean", value: "if_1.result" }],
    );
    // start -> if_1 -(true)-> long -> end, and if_1 -(false)-> end: long is skipped on the false branch.
    graph.edges = [
      { id: "a", source: "start", target: "if_1", sourceHandle: null },
      { id: "b", source: "if_1", target: "long", sourceHandle: "true" },
      { id: "c", source: "long", target: "end", sourceHandle: null },
      { id: "d", source: "if_1", target: "end", sourceHandle: "false" },
    ];
    expect(check(graph)).toEqual([]);
    expect(workflowOutputSchema("workflow", { workflow: graph, variables })).toEqual({
      type: "object",
      properties: { note: { type: ["string", "null"] }, days: { type: "number" }, long_trip: { type: "boolean" } },
      required: ["note", "days", "long_trip"],
      additionalProperties: false,
    });
  });
});

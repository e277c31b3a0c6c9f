import { describe, expect, it } from "vitest";
import { addNode, connect, deleteElements, nextNodeId } from "@/components/workflow-editor/graph-edits";
import { bodyOutputOptions, referenceOptions } from "@/components/workflow-editor/reference-options";
import { variableSchema } from "@/server/apps/app-config";
import { checkGraph } from "@/server/workflows/check-graph";
import { emptyWorkflow, workflowGraphSchema } from "@/server/workflows/graph";

const ctx = { mode: "workflow" as const, variables: [variableSchema.parse({ key: "city", label: "City", type: "text" })] };

describe("canvas graph edits", () => {
  it("names new nodes readably and never reuses a taken id", () => {
    let graph = emptyWorkflow("workflow");
    const ids: string[] = [];
    for (const type of ["llm", "llm", "if-else", "code"] as const) {
      const added = addNode(graph, type, { position: { x: 0, y: 0 } });
      graph = added.graph;
      ids.push(added.id);
    }
    expect(ids).toEqual(["llm_1", "llm_2", "if_else_1", "code_1"]);
    graph = deleteElements(graph, ["llm_1"]);
    expect(nextNodeId(graph, "llm")).toBe("llm_1");
    expect(nextNodeId(graph, "code")).toBe("code_2");
  });

  it("makes graphs the schema accepts, with If/Else edges keeping their branch", () => {
    let graph = addNode(emptyWorkflow("workflow"), "if-else", { position: { x: 1, y: 2 } }).graph;
    graph = connect(connect(graph, "start", "if_else_1"), "if_else_1", "end", "false");
    graph = connect(graph, "if_else_1", "end", "false");
    expect(graph.edges.filter((e) => e.source === "if_else_1")).toEqual([{ id: "if_else_1:false->end", source: "if_else_1", target: "end", sourceHandle: "false" }]);
    expect(workflowGraphSchema.parse(graph)).toEqual(graph);
  });

  it("deleting an Iteration deletes its body and every edge touching them; Start cannot be deleted", () => {
    let graph = addNode(emptyWorkflow("workflow"), "iteration", { position: { x: 0, y: 0 } }).graph;
    graph = addNode(graph, "template", { position: { x: 0, y: 0 }, parentId: "iteration_1" }).graph;
    graph = addNode(graph, "code", { position: { x: 0, y: 0 }, parentId: "iteration_1" }).graph;
    graph = connect(connect(graph, "template_1", "code_1"), "start", "iteration_1");
    const after = deleteElements(graph, ["iteration_1", "start"]);
    expect(after.nodes.map((n) => n.id)).toEqual(["start", "end"]);
    expect(after.edges.map((e) => e.id)).toEqual(["start->end"]);
    expect(deleteElements(after, ["iteration_1", "start"], ["gone"])).toBe(after);
  });

  it("offers as references exactly the outputs of the nodes before a node, which the checker then accepts", () => {
    let graph = addNode(emptyWorkflow("workflow"), "template", { position: { x: 0, y: 0 } }).graph;
    graph = connect(connect(graph, "start", "template_1"), "template_1", "end");
    const end = graph.nodes.find((n) => n.id === "end")!;
    const offered = referenceOptions(graph, end, ctx).map((o) => o.value);
    expect(offered.sort()).toEqual(["start.city", "template_1.text"]);
    const template = graph.nodes.find((n) => n.id === "template_1")!;
    expect(referenceOptions(graph, template, ctx).map((o) => o.value)).toEqual(["start.city"]);
    const done = { ...graph, nodes: graph.nodes.map((n) => {
      if (n.type === "end") return { ...n, data: { outputs: [{ name: "out", type: "string" as const, value: "template_1.text" }] } };
      return n.type === "template" ? { ...n, data: { template: "Hi {{start.city}}" } } : n;
    }) };
    expect(checkGraph(done, ctx)).toEqual([]);
  });

  it("offers an Iteration's body outputs as what it collects", () => {
    let graph = addNode(emptyWorkflow("workflow"), "iteration", { position: { x: 0, y: 0 } }).graph;
    graph = addNode(graph, "template", { position: { x: 0, y: 0 }, parentId: "iteration_1" }).graph;
    const iteration = graph.nodes.find((n) => n.id === "iteration_1")!;
    expect(bodyOutputOptions(graph, iteration, ctx).map((o) => o.value)).toEqual(["template_1.text"]);
  });
});

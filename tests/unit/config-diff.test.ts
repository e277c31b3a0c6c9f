import { describe, expect, it } from "vitest";
import { emptyWorkflow, workflowGraphSchema } from "@/server/workflows/graph";
import { diffConfigs, diffLines } from "@/components/app-versions/config-diff";
import { appConfigSchema } from "@/server/apps/app-config";

const config = (value: Record<string, unknown>) => appConfigSchema.parse(value);

describe("config diff", () => {
  it("a prompt diff keeps common lines and marks removed and added ones", () => {
    expect(diffLines("a\nb\nc", "a\nB\nc\nd")).toEqual([
      { kind: "same", text: "a" },
      { kind: "removed", text: "b" },
      { kind: "added", text: "B" },
      { kind: "same", text: "c" },
      { kind: "added", text: "d" },
    ]);
  });

  it("names model, input and tool changes in words, and nothing when the configs are equal", () => {
    const from = config({ instructions: "Hi", model: { providerId: "p", model: "gpt-4o" }, variables: [{ key: "city", label: "City", type: "text" }], tools: [{ serverId: "s1", mode: "all" }] });
    const to = config({ instructions: "Hi", model: { providerId: "p", model: "gpt-5" }, variables: [{ key: "days", label: "Days", type: "number", required: true }], tools: [] });
    expect(diffConfigs(from, from)).toEqual({ instructions: null, changes: [] });
    expect(diffConfigs(from, to, (id) => (id === "s1" ? "Search" : id)).changes).toEqual([
      { section: "Model", text: "gpt-4o → gpt-5" },
      { section: "Inputs", text: 'removed "City" (city)' },
      { section: "Inputs", text: 'added "Days" (days, number, required)' },
      { section: "Tools", text: "removed Search" },
    ]);
  });
});

describe("diffConfigs of a workflow", () => {
  it("names the steps added, removed and changed, and counts connections, but not a node moved on the canvas", () => {
    const from = appConfigSchema.parse({ workflow: emptyWorkflow("workflow") });
    const graph = structuredClone(from.workflow!);
    graph.nodes[0]!.position = { x: 500, y: 500 };
    expect(diffConfigs(from, { ...from, workflow: graph }).changes).toEqual([]);
    graph.nodes.push(workflowGraphSchema.shape.nodes.element.parse({ id: "tpl", type: "template", title: "Greeting", data: { template: "Hi" } }));
    graph.nodes = graph.nodes.filter((n) => n.id !== "end");
    graph.nodes[0]!.title = "Begin";
    graph.edges = [{ id: "x", source: "start", target: "tpl", sourceHandle: null }];
    expect(diffConfigs(from, { ...from, workflow: graph }).changes).toEqual([
      { section: "Steps", text: 'removed "End" (end)' },
      { section: "Steps", text: 'changed "Begin"' },
      { section: "Steps", text: 'added "Greeting" (template)' },
      { section: "Steps", text: "connections: 1 added, 1 removed" },
    ]);
  });
});

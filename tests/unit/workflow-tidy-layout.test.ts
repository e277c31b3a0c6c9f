import { describe, expect, it } from "vitest";
import { tidyLayout } from "@/components/workflow-editor/tidy-layout";
import { workflowGraphSchema } from "@/server/workflows/graph";

const graph = workflowGraphSchema.parse({
  nodes: [
    { id: "end", type: "end", position: { x: 400, y: -300 } },
    { id: "start", type: "start", position: { x: 0, y: 900 } },
    { id: "a", type: "template", position: { x: 7, y: 10 } },
    { id: "b", type: "template", position: { x: 7, y: 5 } },
    { id: "each", type: "iteration", position: { x: 0, y: 0 } },
    { id: "inner1", type: "template", parentId: "each", position: { x: 300, y: 300 } },
    { id: "inner2", type: "template", parentId: "each", position: { x: 0, y: 0 } },
  ],
  edges: [
    { id: "1", source: "start", target: "a" },
    { id: "2", source: "start", target: "b" },
    { id: "3", source: "a", target: "each" },
    { id: "4", source: "b", target: "end" },
    { id: "5", source: "each", target: "end" },
    { id: "6", source: "inner1", target: "inner2" },
  ],
});

describe("tidy layout", () => {
  it("places each step one row below the furthest step before it, keeping a row's order, bodies inside their box", () => {
    const laid = tidyLayout(graph);
    const at = Object.fromEntries(laid.nodes.map((n) => [n.id, n.position]));
    expect(at.start!.y).toBe(0);
    expect(at.a!.y).toBe(at.b!.y);
    expect(at.a!.y).toBeGreaterThan(at.start!.y);
    // Both sat at x 7: on a tie the graph's order stands, a before b.
    expect(at.a!.x).toBeLessThan(at.b!.x);
    expect(at.each!.y).toBeGreaterThan(at.a!.y);
    // End follows its furthest step (the Iteration), below the Iteration's whole box.
    expect(at.end!.y).toBeGreaterThan(at.each!.y + 200);
    // The body is laid out inside the box, from its top-left corner, in its own order.
    expect(at.inner1).toEqual({ x: 24, y: 76 });
    expect(at.inner2!.y).toBeGreaterThan(at.inner1!.y);
    expect(laid.edges).toEqual(graph.edges);
  });

  it("gives a laid-out graph the same layout again", () => {
    expect(tidyLayout(tidyLayout(graph))).toEqual(tidyLayout(graph));
  });
});

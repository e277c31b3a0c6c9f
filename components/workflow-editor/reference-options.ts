// The references a node may use: the outputs of the nodes that run before it (graph-order.ts readableNodes), with
// the schemas the checker uses, so the picker offers exactly what the checker accepts.
import type { WorkflowGraph, WorkflowNode } from "@/server/workflows/graph";
import { readableNodes } from "@/server/workflows/graph-order";
import { outputSchemas, type SchemaContext } from "@/server/workflows/check-references";

export interface ReferenceOption {
  /** `node.output`, without braces. */
  value: string;
  /** The node's title, to group by. */
  group: string;
  output: string;
  type: string;
}

export function referenceOptions(graph: WorkflowGraph, node: WorkflowNode, ctx: SchemaContext): ReferenceOption[] {
  const readable = readableNodes(graph, node);
  const schemaOf = outputSchemas(graph, ctx);
  const options: ReferenceOption[] = [];
  for (const other of graph.nodes) {
    if (!readable.has(other.id)) continue;
    const schema = schemaOf(node, other.id);
    for (const [output, property] of Object.entries(schema?.properties ?? {})) {
      const type = typeof (property as { type?: unknown }).type === "string" ? String((property as { type: string }).type) : "any";
      options.push({ value: `${other.id}.${output}`, group: other.title || other.id, output, type });
    }
  }
  return options;
}

/** The outputs of an Iteration's body nodes: what its `output` may collect per item. */
export function bodyOutputOptions(graph: WorkflowGraph, iteration: WorkflowNode, ctx: SchemaContext): ReferenceOption[] {
  const schemaOf = outputSchemas(graph, ctx);
  return graph.nodes
    .filter((node) => node.parentId === iteration.id)
    .flatMap((node) =>
      Object.entries(schemaOf(node, node.id)?.properties ?? {}).map(([output, property]) => ({
        value: `${node.id}.${output}`,
        group: node.title || node.id,
        output,
        type: typeof (property as { type?: unknown }).type === "string" ? String((property as { type: string }).type) : "any",
      })),
    );
}

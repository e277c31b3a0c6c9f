// The typed contract between nodes: every reference names a node that runs before the reader, an output that node
// declares, and a value of the type the reading field needs.
import type { WorkflowGraph, WorkflowNode } from "./graph";
import { readableNodes } from "./graph-order";
import { iterationScopeSchema, nodeOutputSchema, schemaAtReference, schemaValueType, type JsonSchema, type OutputContext } from "./node-outputs";
import { nodeSlots, type Slot } from "./node-slots";
import { findReferences, parseReference, type Reference } from "./references";
import type { JsonSchemaObject } from "@/server/apps/input-schema";

export interface GraphProblem {
  /** The node the problem is on; null for the graph as a whole. */
  nodeId: string | null;
  /** The node's field, when the problem is in one (node-slots.ts names them). */
  field?: string;
  edgeId?: string;
  message: string;
}

export type SchemaContext = Omit<OutputContext, "iterationItemSchema">;

/** Output schemas as nodes see each other, with Iterations' result items resolved from their bodies. */
export function outputSchemas(graph: WorkflowGraph, ctx: SchemaContext): (reader: WorkflowNode, nodeId: string) => JsonSchemaObject | undefined {
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const cache = new Map<string, JsonSchemaObject>();
  const full: OutputContext = {
    ...ctx,
    iterationItemSchema: (iterationId) => {
      const iteration = byId.get(iterationId);
      const ref = iteration?.type === "iteration" ? parseReference(iteration.data.output) : null;
      const inner = ref && byId.get(ref.nodeId);
      // A body node's schema never depends on its own Iteration's results (Iterations do not nest).
      return inner && inner.parentId === iterationId && inner.type !== "iteration" ? schemaAtReference(schemaOf(inner), ref) : undefined;
    },
  };
  function schemaOf(node: WorkflowNode): JsonSchemaObject {
    let schema = cache.get(node.id);
    if (!schema) cache.set(node.id, (schema = nodeOutputSchema(node, full)));
    return schema;
  }
  return (reader, nodeId) => {
    const node = byId.get(nodeId);
    if (!node) return undefined;
    // Inside its body, an Iteration offers the current item and index rather than its results.
    if (node.type === "iteration" && reader.parentId === node.id) {
      const items = parseReference(node.data.items);
      const source = items && byId.get(items.nodeId);
      return iterationScopeSchema(source ? schemaAtReference(schemaOf(source), items) : undefined);
    }
    return schemaOf(node);
  };
}

function typeMatches(expects: NonNullable<Slot["expects"]>, schema: JsonSchema): boolean {
  const type = schemaValueType(schema);
  if (type === null) return true;
  return expects.split("|").includes(type);
}

export function checkReferences(graph: WorkflowGraph, ctx: SchemaContext): GraphProblem[] {
  const problems: GraphProblem[] = [];
  const schemaFor = outputSchemas(graph, ctx);
  const ids = new Set(graph.nodes.map((node) => node.id));
  for (const node of graph.nodes) {
    const readable = readableNodes(graph, node);
    for (const slot of nodeSlots(node)) {
      const problem = (message: string) => problems.push({ nodeId: node.id, field: slot.field, message });
      if (!slot.text.trim()) {
        if (slot.required || slot.kind === "reference") problem("Fill this in.");
        continue;
      }
      let refs: Reference[];
      if (slot.kind === "reference") {
        const ref = parseReference(slot.text);
        if (!ref) {
          problem(`"${slot.text}" is not a reference: pick an output, written node.output.`);
          continue;
        }
        refs = [ref];
      } else refs = findReferences(slot.text);
      // An Iteration collects from a node of its own body, which runs before it hands the item's result over.
      const canRead = (id: string) => (node.type === "iteration" && slot.field === "output" ? graph.nodes.some((n) => n.id === id && n.parentId === node.id) : readable.has(id));
      for (const ref of refs) {
        if (!ids.has(ref.nodeId)) {
          problem(`{{${ref.text}}} names a node that does not exist ("${ref.nodeId}").`);
          continue;
        }
        if (!canRead(ref.nodeId)) {
          problem(`{{${ref.text}}} reads "${ref.nodeId}", which does not run before this node: connect it first.`);
          continue;
        }
        const schema = schemaAtReference(schemaFor(node, ref.nodeId)!, ref);
        if (!schema) {
          problem(`{{${ref.text}}}: "${ref.nodeId}" has no output "${[ref.output, ...ref.path].join(".")}".`);
          continue;
        }
        if (slot.expects && !typeMatches(slot.expects, schema)) {
          problem(`{{${ref.text}}} is a ${schemaValueType(schema)}, and this field needs a ${slot.expects.replace("|", " or ")}.`);
        }
      }
    }
  }
  return problems;
}

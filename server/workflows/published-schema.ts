// What a published workflow answers with: its End node's outputs as the tool's outputSchema (a chatflow answers like
// a chat app: its reply and the conversation to continue). An output read from a step that a branch can skip is
// null on the runs that skip it, and its schema says so.
import type { AppConfig } from "@/server/apps/app-config";
import { buildOutputSchema, type JsonSchemaObject } from "@/server/apps/input-schema";
import type { WorkflowGraph, WorkflowMode } from "./graph";
import { descendantsOf, scopeOf } from "./graph-order";
import { nodeOutputSchema } from "./node-outputs";
import { parseReference } from "./references";

/** Whether every way from Start to End passes `nodeId` (so it always runs before End). */
function alwaysRuns(graph: WorkflowGraph, nodeId: string, endId: string): boolean {
  const start = graph.nodes.find((node) => node.type === "start");
  if (!start || nodeId === start.id) return true;
  const edges = scopeOf(graph, null).edges.filter((edge) => edge.source !== nodeId && edge.target !== nodeId);
  return !descendantsOf(start.id, edges).has(endId);
}

export function workflowOutputSchema(mode: WorkflowMode, config: Pick<AppConfig, "workflow" | "variables">): JsonSchemaObject {
  if (mode === "chatflow") return buildOutputSchema("chatflow");
  const graph = config.workflow;
  const end = graph?.nodes.find((node) => node.type === "end");
  // Publish refuses a workflow without its End (check-graph.ts); an empty object keeps a stray one harmless.
  if (!graph || end?.type !== "end") return { type: "object", properties: {} };
  const schema = nodeOutputSchema(end, { mode, variables: config.variables });
  for (const output of end.data.outputs) {
    const ref = parseReference(output.value);
    if (ref && !alwaysRuns(graph, ref.nodeId, end.id)) schema.properties[output.name] = { type: [output.type, "null"] };
  }
  return { ...schema, additionalProperties: false };
}

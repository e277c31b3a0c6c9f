// What a published workflow answers with: its End node's outputs as the tool's outputSchema (a chatflow answers like
// a chat app: its reply and the conversation to continue).
import type { AppConfig } from "@/server/apps/app-config";
import { buildOutputSchema, type JsonSchemaObject } from "@/server/apps/input-schema";
import type { WorkflowMode } from "./graph";
import { nodeOutputSchema } from "./node-outputs";

export function workflowOutputSchema(mode: WorkflowMode, config: Pick<AppConfig, "workflow" | "variables">): JsonSchemaObject {
  if (mode === "chatflow") return buildOutputSchema("chatflow");
  const end = config.workflow?.nodes.find((node) => node.type === "end");
  // Publish refuses a workflow without its End (check-graph.ts); an empty object keeps a stray one harmless.
  if (!end) return { type: "object", properties: {} };
  return { ...nodeOutputSchema(end, { mode, variables: config.variables }), additionalProperties: false };
}

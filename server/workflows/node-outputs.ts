// The JSON Schema of each node's outputs: what the checker holds references to, what the canvas offers to pick,
// and, for End, the published tool's outputSchema.
import type { Variable } from "@/server/apps/app-config";
import { buildInputSchema, type JsonSchemaObject } from "@/server/apps/input-schema";
import type { ValueType, WorkflowMode, WorkflowNode } from "./graph";
import type { Reference } from "./references";

export type JsonSchema = Record<string, unknown>;

export interface OutputContext {
  /** A chatflow's Start also gives the person's message (`query`) and the conversation's id. */
  mode: WorkflowMode;
  /** The app's input form: Start's outputs. */
  variables: Variable[];
  /** The output schema a connected server declares for a tool, when known (MCP tool nodes). */
  toolOutputSchema?(serverId: string, tool: string): JsonSchema | undefined;
  /** The schema an Iteration collects per item: its `output` reference's, resolved by the checker. */
  iterationItemSchema?(iterationId: string): JsonSchema | undefined;
}

const string = { type: "string" };
const object = (properties: Record<string, JsonSchema>, required = Object.keys(properties)): JsonSchemaObject => ({
  type: "object",
  properties,
  required,
});

function declared(outputs: { name: string; type: ValueType }[]): JsonSchemaObject {
  return object(Object.fromEntries(outputs.map((o) => [o.name, { type: o.type }])));
}

export function nodeOutputSchema(node: WorkflowNode, ctx: OutputContext): JsonSchemaObject {
  switch (node.type) {
    case "start": {
      const form = buildInputSchema({ appType: ctx.mode, variables: ctx.variables, descriptions: {} });
      return { type: "object", properties: form.properties, required: Object.keys(form.properties) };
    }
    case "llm":
      return node.data.jsonSchema ? object({ text: string, json: node.data.jsonSchema }) : object({ text: string });
    case "agent":
    case "template":
    case "answer":
      return object({ text: string });
    case "mcp-tool": {
      const structured = ctx.toolOutputSchema?.(node.data.serverId, node.data.tool) ?? { type: "object" };
      return object({ text: string, structured, isError: { type: "boolean" } });
    }
    case "http":
      // `json` is the body parsed, when it is JSON: its shape is the remote's, so any value.
      return object({ status: { type: "number" }, body: string, json: {} }, ["status", "body"]);
    case "if-else":
      return object({ result: { type: "boolean" } });
    case "iteration":
      return object({ results: { type: "array", items: ctx.iterationItemSchema?.(node.id) ?? {} } });
    case "code":
      return declared(node.data.outputs);
    case "end":
      return declared(node.data.outputs);
  }
}

/** What the nodes inside an Iteration read from it: the current item and its index. */
export function iterationScopeSchema(itemsSchema: JsonSchema | undefined): JsonSchemaObject {
  const items = itemsSchema && typeof itemsSchema.items === "object" ? (itemsSchema.items as JsonSchema) : {};
  return object({ item: items, index: { type: "number" } });
}

/**
 * The schema at a reference's output and path, `{}` (any value) where the schema does not say, or undefined when
 * the schema says the output or a key does not exist.
 */
export function schemaAtReference(outputs: JsonSchemaObject, ref: Reference): JsonSchema | undefined {
  let schema: JsonSchema | undefined = outputs.properties[ref.output];
  for (const key of ref.path) {
    if (!schema) return undefined;
    const type = schema.type;
    if (type === "array") schema = /^\d+$/.test(key) ? ((schema.items as JsonSchema) ?? {}) : undefined;
    else if (type === "object" || type === undefined) {
      const properties = schema.properties as Record<string, JsonSchema> | undefined;
      if (properties && Object.hasOwn(properties, key)) schema = properties[key];
      else if (!properties || schema.additionalProperties !== false) schema = {};
      else schema = undefined;
    } else schema = undefined;
  }
  return schema;
}

/** The value type a schema pins down, or null when it allows any (`{}`, unions). */
export function schemaValueType(schema: JsonSchema): ValueType | null {
  const type = schema.type;
  if (type === "integer") return "number";
  if (type === "string" || type === "number" || type === "boolean" || type === "object" || type === "array") return type;
  return null;
}

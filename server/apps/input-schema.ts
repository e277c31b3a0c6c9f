// An app's published input form as JSON Schema: what MCP clients (and the models behind them) see as the tool's
// parameters. Mirrors validateInputs, which checks the same rules when the call arrives.
import type { AppType, Variable } from "./app-config";

export interface JsonSchemaObject {
  type: "object";
  properties: Record<string, Record<string, unknown>>;
  required?: string[];
  additionalProperties?: boolean;
  [key: string]: unknown;
}

/** Arguments the runtime itself takes for chat and agent apps; they win over input fields of the same key. */
export const queryKey = "query";
export const conversationIdKey = "conversation_id";

function hasDefault(variable: Variable) {
  return variable.default !== null && variable.default !== "";
}

function variableSchema(variable: Variable, description: string): Record<string, unknown> {
  const base: Record<string, unknown> = { title: variable.label };
  if (description) base.description = description;
  switch (variable.type) {
    case "text":
    case "paragraph":
      return { ...base, type: "string", ...(variable.maxLength !== null ? { maxLength: variable.maxLength } : {}) };
    case "select":
      return { ...base, type: "string", enum: variable.options };
    case "number":
      return {
        ...base,
        type: "number",
        ...(variable.min !== null ? { minimum: variable.min } : {}),
        ...(variable.max !== null ? { maximum: variable.max } : {}),
      };
    case "checkbox":
      return { ...base, type: "boolean" };
    case "json":
      // The author's schema for the object when there is one (checked again on every call); else any object.
      return variable.jsonSchema ? { ...variable.jsonSchema, ...base, type: "object" } : { ...base, type: "object", additionalProperties: true };
  }
}

export function buildInputSchema({
  appType,
  variables,
  descriptions,
}: {
  appType: AppType;
  variables: Variable[];
  /** Per-key descriptions written for MCP clients; the form's own description is the fallback. */
  descriptions: Record<string, string>;
}): JsonSchemaObject {
  const properties: JsonSchemaObject["properties"] = {};
  const required: string[] = [];
  // A workflow takes its form only; a chatflow, like a chat, also a message and a conversation to continue.
  const conversational = appType !== "completion" && appType !== "workflow";
  if (conversational) {
    properties[queryKey] = { type: "string", title: "Message", description: "The message to send to the app." };
    properties[conversationIdKey] = {
      type: "string",
      title: "Conversation id",
      description: "Continue an earlier conversation: the conversation_id returned by a previous call. Leave out to start a new one.",
    };
    required.push(queryKey);
  }
  for (const variable of variables) {
    if (conversational && (variable.key === queryKey || variable.key === conversationIdKey)) continue;
    const description = descriptions[variable.key]?.trim() || variable.description.trim();
    const schema = variableSchema(variable, description);
    if (hasDefault(variable)) schema.default = variable.default;
    properties[variable.key] = schema;
    // A required field with a default is filled in by the runtime, so callers may leave it out.
    if (variable.required && !hasDefault(variable)) required.push(variable.key);
  }
  return { type: "object", properties, ...(required.length ? { required } : {}), additionalProperties: false };
}

export function buildOutputSchema(appType: AppType): JsonSchemaObject {
  const answer = { type: "string", description: "The app's answer." };
  if (appType === "completion" || appType === "workflow") return { type: "object", properties: { answer }, required: ["answer"] };
  return {
    type: "object",
    properties: {
      answer,
      [conversationIdKey]: { type: "string", description: "Pass this back as conversation_id to continue the conversation." },
    },
    required: ["answer", conversationIdKey],
  };
}

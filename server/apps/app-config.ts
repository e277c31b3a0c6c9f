// What an app is: its prompt, input form, model and tools. Drafts and published versions share this shape.
import { z } from "zod";
import { workflowGraphSchema } from "@/server/workflows/graph";
import { modelChoiceSchema } from "./model-choice";
import { toolBindingSchema } from "./tool-binding";

export const appTypes = ["chat", "agent", "completion", "workflow", "chatflow"] as const;
export type AppType = (typeof appTypes)[number];

/** App types that hold a conversation: a call takes a message and may continue an earlier conversation. */
export const isConversational = (type: AppType) => type === "chat" || type === "agent" || type === "chatflow";

/** App types whose config is a workflow graph (config.workflow), run by server/workflows. */
export const isWorkflowType = (type: AppType): type is "workflow" | "chatflow" => type === "workflow" || type === "chatflow";

export const variableTypes = ["text", "paragraph", "select", "number", "checkbox", "json"] as const;

/** Keys become JSON Schema property names and `{{key}}` placeholders: keep them identifier-like. */
export const variableKeySchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, "Use letters, digits and _ for the key, starting with a letter.")
  // Assigning obj["__proto__"] sets a prototype instead of a key, so the field would vanish from schemas and inputs.
  .refine((key) => key !== "__proto__", "__proto__ cannot be a key: choose another name.");

export const variableSchema = z.object({
  key: variableKeySchema,
  label: z.string().trim().min(1, "Give the field a label.").max(100),
  type: z.enum(variableTypes),
  required: z.boolean().default(false),
  description: z.string().max(500).default(""),
  default: z.union([z.string().max(10_000), z.number(), z.boolean()]).nullable().default(null),
  /** select: the allowed values. */
  options: z.array(z.string().trim().min(1).max(200)).max(100).default([]),
  /** text and paragraph: the longest value accepted. */
  maxLength: z.number().int().min(1).max(100_000).nullable().default(null),
  /** number: bounds. */
  min: z.number().nullable().default(null),
  max: z.number().nullable().default(null),
  /** json: an optional JSON Schema for the object, shown to MCP clients and checked on every run. */
  jsonSchema: z.record(z.string(), z.unknown()).nullable().default(null),
});
export type Variable = z.infer<typeof variableSchema>;

export { modelChoiceSchema, type ModelChoice } from "./model-choice";
export { toolBindingSchema, type ToolBinding } from "./tool-binding";

export const appConfigSchema = z
  .object({
    instructions: z.string().max(100_000).default(""),
    variables: z.array(variableSchema).max(50).default([]),
    model: modelChoiceSchema.nullable().default(null),
    tools: z.array(toolBindingSchema).max(50).default([]),
    maxToolRounds: z.number().int().min(1).max(50).default(5),
    openingStatement: z.string().max(5_000).default(""),
    /** Workflow and chatflow apps: the graph; their Start node's fields are `variables` above. Null for other types. */
    workflow: workflowGraphSchema.nullable().default(null),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.variables.forEach((v, i) => {
      if (seen.has(v.key)) ctx.addIssue({ code: "custom", path: ["variables", i, "key"], message: `The key "${v.key}" is used twice.` });
      seen.add(v.key);
      if (v.type === "json" && v.jsonSchema && v.jsonSchema.type !== "object") {
        ctx.addIssue({ code: "custom", path: ["variables", i, "jsonSchema"], message: `The schema of "${v.label}" must describe an object ("type": "object").` });
      }
      if (v.min !== null && v.max !== null && v.min > v.max) {
        ctx.addIssue({ code: "custom", path: ["variables", i, "min"], message: `The minimum of "${v.label}" is above its maximum.` });
      }
      if (v.type === "select" && v.options.length === 0) {
        ctx.addIssue({ code: "custom", path: ["variables", i, "options"], message: `Give "${v.label}" at least one option.` });
      }
    });
  });
export type AppConfig = z.infer<typeof appConfigSchema>;

export const emptyAppConfig = (): AppConfig => appConfigSchema.parse({});

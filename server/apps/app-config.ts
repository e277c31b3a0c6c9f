// What an app is: its prompt, input form, model and tools. Drafts and published versions share this shape.
import { z } from "zod";

export const appTypes = ["chat", "agent", "completion"] as const;
export type AppType = (typeof appTypes)[number];

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

export const modelChoiceSchema = z.object({
  providerId: z.string().min(1).max(100),
  model: z.string().min(1).max(200),
  temperature: z.number().min(0).max(2).nullable().default(null),
  maxTokens: z.number().int().min(1).max(200_000).nullable().default(null),
});
export type ModelChoice = z.infer<typeof modelChoiceSchema>;

/** Which tools of one tool server an agent may call. `all` follows the server's list as it changes. */
export const toolBindingSchema = z.object({
  serverId: z.string().min(1).max(100),
  mode: z.enum(["all", "selected"]),
  /** Per-tool switches; with mode "all", a tool missing here is enabled. */
  tools: z
    .array(
      z.object({
        name: z.string().min(1).max(200),
        enabled: z.boolean(),
        /** Shown to the model instead of the server's own description; absent or empty keeps the server's. */
        description: z.string().trim().max(2000, "A tool description is at most 2,000 characters.").optional(),
        /** "auto" runs it, "ask" asks a person first; absent follows the tool's annotations (shared/asks-first.ts). */
        approval: z.enum(["auto", "ask"]).optional(),
      }),
    )
    .max(500)
    .default([]),
  /** URIs of the server's resources read at run start and given to the model as context (resource-context.ts). */
  resources: z.array(z.string().min(1).max(2048)).max(20).optional(),
});
export type ToolBinding = z.infer<typeof toolBindingSchema>;

export const appConfigSchema = z
  .object({
    instructions: z.string().max(100_000).default(""),
    variables: z.array(variableSchema).max(50).default([]),
    model: modelChoiceSchema.nullable().default(null),
    tools: z.array(toolBindingSchema).max(50).default([]),
    maxToolRounds: z.number().int().min(1).max(50).default(5),
    openingStatement: z.string().max(5_000).default(""),
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

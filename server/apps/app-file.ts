// The app export file, `{ "switchyard": "app", "version": 1, ... }`: an app's meta and config with every reference
// to a model provider or MCP server replaced by a file-local ref, described by name only. Nothing secret goes in:
// no ids, keys, header values or server URLs (a URL may carry credentials), so a file can be shared or committed.
// JSON only: no YAML package is a dependency of this project.
import { z } from "zod";
import { isNestedDeeper } from "@/shared/json-depth";
import { AppError } from "@/server/errors";
import { workflowGraphSchema } from "@/server/workflows/graph";
import { namedResources } from "@/server/workflows/named-resources";
import { appConfigSchema, appTypes, toolBindingSchema, variableSchema } from "./app-config";

export const appFileVersion = 1;
/** Far above any real app (50 fields, 100k-character prompt); a bigger file is refused before it is parsed. */
export const maxAppFileBytes = 512 * 1024;
const maxAppFileDepth = 40;

const refSchema = z.string().regex(/^[a-z0-9-]{1,40}$/, "A reference is a short lowercase id.");
export const providerKinds = ["openai", "anthropic", "openai_compatible"] as const;

export const appFileSchema = z
  .object({
    switchyard: z.literal("app"),
    version: z.literal(appFileVersion),
    exportedAt: z.string().max(40).optional(),
    app: z.object({
      type: z.enum(appTypes),
      name: z.string().trim().min(1).max(100),
      icon: z.string().trim().min(1).max(16).default("🤖"),
      iconBackground: z.string().regex(/^#[0-9a-fA-F]{6}$/).default("#E0E7FF"),
      description: z.string().trim().max(500).default(""),
    }),
    config: z.object({
      instructions: z.string().max(100_000).default(""),
      variables: z.array(variableSchema).max(50).default([]),
      openingStatement: z.string().max(5_000).default(""),
      maxToolRounds: z.number().int().min(1).max(50).default(5),
      model: z
        .object({
          provider: refSchema.nullable(),
          model: z.string().min(1).max(200),
          temperature: z.number().min(0).max(2).nullable().default(null),
          maxTokens: z.number().int().min(1).max(200_000).nullable().default(null),
        })
        .nullable()
        .default(null),
      tools: z.array(toolBindingSchema.omit({ serverId: true }).extend({ server: refSchema })).max(50).default([]),
      /** Workflow and chatflow apps: the graph, its nodes naming providers and servers by the refs below. */
      workflow: workflowGraphSchema.nullable().default(null),
    }),
    providers: z.array(z.object({ ref: refSchema, name: z.string().max(100), kind: z.enum(providerKinds) })).max(50).default([]),
    servers: z.array(z.object({ ref: refSchema, name: z.string().max(100), identifier: z.string().max(24).default("") })).max(50).default([]),
  })
  .superRefine((file, ctx) => {
    const providers = new Set(file.providers.map((p) => p.ref));
    const servers = new Set(file.servers.map((s) => s.ref));
    if (file.config.model?.provider && !providers.has(file.config.model.provider)) {
      ctx.addIssue({ code: "custom", path: ["config", "model", "provider"], message: `"${file.config.model.provider}" is not listed under providers.` });
    }
    file.config.tools.forEach((binding, i) => {
      if (!servers.has(binding.server)) ctx.addIssue({ code: "custom", path: ["config", "tools", i, "server"], message: `"${binding.server}" is not listed under servers.` });
    });
    const named = namedResources(file.config.workflow);
    for (const { id, where } of named.providers) {
      if (!providers.has(id)) ctx.addIssue({ code: "custom", path: ["config", "workflow"], message: `${where}: "${id}" is not listed under providers.` });
    }
    for (const { id, where } of named.servers) {
      if (!servers.has(id)) ctx.addIssue({ code: "custom", path: ["config", "workflow"], message: `${where}: "${id}" is not listed under servers.` });
    }
  });
export type AppFile = z.infer<typeof appFileSchema>;

const refused = (message: string) => new AppError("bad_request:app_file", `${message} Nothing was imported.`);

/** Parses and validates an uploaded file; every refusal says what is wrong, and nothing is stored. */
export function parseAppFile(text: string): AppFile {
  if (new TextEncoder().encode(text).length > maxAppFileBytes) throw refused("The file is larger than 512 KB, so it is not an app export.");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw refused("The file is not valid JSON. Choose a file exported with Export app.");
  }
  if (isNestedDeeper(value, maxAppFileDepth)) throw refused(`The file nests more than ${maxAppFileDepth} levels deep.`);
  if (hasReservedKey(value)) throw refused("The file has a key named __proto__, which an app file never has.");
  const head = value as { switchyard?: unknown; version?: unknown } | null;
  if (!head || typeof head !== "object" || head.switchyard !== "app") {
    throw refused('This is not a Switchyard app file (it needs "switchyard": "app").');
  }
  if (head.version !== appFileVersion) {
    throw refused(`This file is version ${JSON.stringify(head.version)}; this Switchyard reads version ${appFileVersion}.`);
  }
  const parsed = appFileSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refused(`The file is not a valid app export: ${issue.path.join(".") || "file"}: ${issue.message}.`);
  }
  // The form's own rules (keys used once, select options, min below max) before anyone maps anything.
  const form = appConfigSchema.safeParse({ ...parsed.data.config, model: null, tools: [] });
  if (!form.success) throw refused(`The file's app is not valid: ${form.error.issues[0]!.message}`);
  return parsed.data;
}

/** JSON.parse keeps "__proto__" as an own key, but later copies (zod, spreads) would drop it or set a prototype. */
function hasReservedKey(value: unknown): boolean {
  const stack = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== "object") continue;
    if (!Array.isArray(node) && Object.hasOwn(node, "__proto__")) return true;
    for (const child of Object.values(node)) stack.push(child);
  }
  return false;
}

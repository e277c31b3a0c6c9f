// The behaviour hints a published app's tool carries (MCP tool annotations): Claude runs a read-only tool without
// asking and asks before a destructive one, and its directory refuses servers whose tools have none. The owner may
// set each hint per app (apps.tool_annotations); a hint left out is derived from what the app can do.
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { AppConfig, AppType, ToolBinding } from "@/server/apps/app-config";
import type { McpToolInfo, ToolAnnotationChoice } from "@/server/db/schema";

export const annotationHints = ["readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"] as const;

/** A connected server's tools, as stored with it. */
export type ServerTools = { id: string; tools: McpToolInfo[] };

/** The tools an agent's bindings switch on, with the annotations their servers gave them. */
function boundTools(bindings: ToolBinding[], servers: ServerTools[]): McpToolInfo[] {
  return bindings.flatMap((binding) => {
    const server = servers.find((s) => s.id === binding.serverId);
    if (!server) return [];
    return server.tools.filter((tool) => {
      const entry = binding.tools.find((t) => t.name === tool.name);
      return binding.mode === "all" ? entry?.enabled !== false : entry?.enabled === true;
    });
  });
}

const hint = (tool: McpToolInfo, name: (typeof annotationHints)[number]) => tool.annotations?.[name] as boolean | undefined;

/**
 * What the app does, as the spec's defaults read it. A chat or text-generator app only asks its model: read-only,
 * closed world. An agent is what its tools are: read-only only if every tool it may call says so; destructive if
 * any non-read-only tool does not say otherwise (the spec's default for destructiveHint is true); open-world if any
 * tool is (default true). Answers vary with the model, so no app is idempotent unless its owner says so.
 */
export function deriveAnnotations(appType: AppType, config: Pick<AppConfig, "tools">, servers: ServerTools[]): Required<ToolAnnotationChoice> {
  if (appType !== "agent") return { readOnlyHint: true, destructiveHint: false, idempotentHint: false, openWorldHint: false };
  const tools = boundTools(config.tools, servers);
  const writers = tools.filter((tool) => hint(tool, "readOnlyHint") !== true);
  return {
    readOnlyHint: writers.length === 0,
    destructiveHint: writers.some((tool) => hint(tool, "destructiveHint") !== false),
    idempotentHint: false,
    openWorldHint: tools.some((tool) => hint(tool, "openWorldHint") !== false),
  };
}

type Hint = (typeof annotationHints)[number];
const modelOnly = "It only asks its model";
const varies = "Answers vary from one call to the next.";
const named = (tools: McpToolInfo[]) => `"${tools[0]!.title ?? tools[0]!.name}"${tools.length > 1 ? ` and ${tools.length - 1} more` : ""}`;

/** Why each hint was derived as it was, in a line the owner reads beside it (deriveAnnotations, same order). */
export function explainAnnotations(appType: AppType, config: Pick<AppConfig, "tools">, servers: ServerTools[]): Record<Hint, string> {
  if (appType !== "agent") {
    return { readOnlyHint: `${modelOnly}: nothing outside changes.`, destructiveHint: `${modelOnly}: nothing outside changes.`, idempotentHint: varies, openWorldHint: `${modelOnly}.` };
  }
  const tools = boundTools(config.tools, servers);
  const writers = tools.filter((tool) => hint(tool, "readOnlyHint") !== true);
  const destroyers = writers.filter((tool) => hint(tool, "destructiveHint") !== false);
  const open = tools.filter((tool) => hint(tool, "openWorldHint") !== false);
  return {
    readOnlyHint: writers.length ? `${named(writers)} may change things.` : tools.length ? "Every tool it may call only reads." : "It may call no tools.",
    destructiveHint: destroyers.length ? `${named(destroyers)} may delete or overwrite.` : writers.length ? "Its tools that write say they only add." : "Its tools only read.",
    idempotentHint: varies,
    openWorldHint: open.length ? `${named(open)} reaches systems outside.` : "Its tools reach nothing outside.",
  };
}

/** The owner's hints over the derived ones; a read-only tool is never destructive (the spec ignores it then). */
export function resolveAnnotations(chosen: ToolAnnotationChoice | null, derived: Required<ToolAnnotationChoice>): ToolAnnotations {
  const merged = { ...derived, ...pickHints(chosen) };
  return merged.readOnlyHint ? { ...merged, destructiveHint: false } : merged;
}

/** Only the four hints, only booleans: what is stored and what is sent. */
export function pickHints(value: unknown): ToolAnnotationChoice {
  if (!value || typeof value !== "object") return {};
  const out: ToolAnnotationChoice = {};
  for (const name of annotationHints) {
    const v = (value as Record<string, unknown>)[name];
    if (typeof v === "boolean") out[name] = v;
  }
  return out;
}

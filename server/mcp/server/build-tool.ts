// The one tool a published app offers. Published versions never change, so a definition is built once per
// version (and settings revision) and kept in a small in-process LRU; only the code -> server lookup is never cached.
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { appConfigSchema, type AppConfig, type AppType } from "@/server/apps/app-config";
import { buildInputSchema, buildOutputSchema } from "@/server/apps/input-schema";

export interface ToolSource {
  versionId: string;
  settingsUpdatedAt: Date;
  appType: AppType;
  appName: string;
  toolName: string;
  toolDescription: string;
  parameterDescriptions: Record<string, string>;
  config: unknown;
}

export interface PublishedTool {
  tool: Tool;
  /** The version's config, parsed once with the tool. */
  config: AppConfig;
}

const maxEntries = 500;
const cache = new Map<string, PublishedTool>();

export function buildTool(source: ToolSource, config: AppConfig = appConfigSchema.parse(source.config)): Tool {
  return {
    name: source.toolName,
    title: source.appName,
    description: source.toolDescription,
    inputSchema: buildInputSchema({ appType: source.appType, variables: config.variables, descriptions: source.parameterDescriptions }),
    outputSchema: buildOutputSchema(source.appType),
  };
}

/** buildTool, cached: the key changes with every new version and every settings change. */
export function getPublishedTool(source: ToolSource): PublishedTool {
  const key = `${source.versionId}:${source.settingsUpdatedAt.getTime()}`;
  const hit = cache.get(key);
  if (hit) {
    // Re-inserting moves the entry to the back: Map keeps insertion order, so the front is least recently used.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const config = appConfigSchema.parse(source.config);
  const entry = { tool: buildTool(source, config), config };
  cache.set(key, entry);
  if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
  return entry;
}

/** Clients before 2025-06-18 know neither outputSchema nor structuredContent. */
export function supportsStructuredOutput(protocolVersion: string): boolean {
  return protocolVersion >= "2025-06-18";
}

/** Tasks came with 2025-11-25 (basic/utilities/tasks §Tool-Level Negotiation): a call may run as one, or not. */
const taskAware = (protocolVersion: string) => protocolVersion >= "2025-11-25";

export function toolForProtocol(tool: Tool, protocolVersion: string): Tool {
  if (taskAware(protocolVersion)) return { ...tool, execution: { taskSupport: "optional" } };
  if (supportsStructuredOutput(protocolVersion)) return tool;
  const { outputSchema: _dropped, ...rest } = tool;
  return rest;
}

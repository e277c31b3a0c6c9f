// A published app as an MCP tool. Published versions never change, so a definition is built once per revision of
// what it shows (endpoint.ts, OfferedApp.revision) and kept in a small in-process LRU; only the code -> server
// lookup is never cached here.
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { appConfigSchema, isWorkflowType, type AppConfig } from "@/server/apps/app-config";
import { workflowOutputSchema } from "@/server/workflows/published-schema";
import { buildInputSchema, buildOutputSchema } from "@/server/apps/input-schema";
import type { OfferedApp } from "./endpoint";
import { toolIcons } from "./tool-icon";

export interface PublishedTool {
  tool: Tool;
  /** The version's config, parsed once with the tool. */
  config: AppConfig;
  app: OfferedApp;
}

const maxEntries = 500;
// Definitions only: the app itself (its model provider above all) comes fresh with every endpoint read.
const cache = new Map<string, Omit<PublishedTool, "app">>();

export function buildTool(app: OfferedApp, config: AppConfig = appConfigSchema.parse(app.config)): Tool {
  return {
    name: app.toolName,
    title: app.appName,
    description: app.toolDescription,
    inputSchema: buildInputSchema({ appType: app.appType, variables: config.variables, descriptions: app.parameterDescriptions }),
    outputSchema: isWorkflowType(app.appType) ? workflowOutputSchema(app.appType, config) : buildOutputSchema(app.appType),
    annotations: { title: app.appName, ...app.annotations },
    icons: toolIcons(app),
  };
}

/** buildTool, cached: the key changes with every new version, settings change, app edit and annotation. */
export function getPublishedTool(app: OfferedApp): PublishedTool {
  const key = `${app.revision}:${JSON.stringify(app.annotations)}`;
  const hit = cache.get(key);
  if (hit) {
    // Re-inserting moves the entry to the back: Map keeps insertion order, so the front is least recently used.
    cache.delete(key);
    cache.set(key, hit);
    return { ...hit, app };
  }
  const config = appConfigSchema.parse(app.config);
  const entry = { tool: buildTool(app, config), config };
  cache.set(key, entry);
  if (cache.size > maxEntries) cache.delete(cache.keys().next().value!);
  return { ...entry, app };
}

/** Clients before 2025-06-18 know neither outputSchema nor structuredContent. */
export function supportsStructuredOutput(protocolVersion: string): boolean {
  return protocolVersion >= "2025-06-18";
}

/** Tasks and icons came with 2025-11-25 (basic/utilities/tasks §Tool-Level Negotiation; SEP-973). */
const taskAware = (protocolVersion: string) => protocolVersion >= "2025-11-25";

/** What tools/list answers: every tool, in the form the request's protocol version knows. */
export function listedTools(ctx: { tools: PublishedTool[]; protocolVersion: string; tasks?: unknown }): Tool[] {
  return ctx.tools.map((entry) => toolForProtocol(entry.tool, ctx.protocolVersion, { tasks: Boolean(ctx.tasks) }));
}

export function toolForProtocol(tool: Tool, protocolVersion: string, { tasks }: { tasks: boolean }): Tool {
  if (taskAware(protocolVersion)) return tasks ? { ...tool, execution: { taskSupport: "optional" } } : tool;
  const { icons: _icons, ...rest } = tool;
  if (supportsStructuredOutput(protocolVersion)) return rest;
  const { outputSchema: _dropped, ...older } = rest;
  return older;
}

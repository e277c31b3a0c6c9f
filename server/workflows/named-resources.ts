// The model providers and MCP servers a workflow's nodes name, with where, so a saved draft can be checked to name
// only its own workspace's (server/apps/assert-draft-references.ts).
import type { WorkflowGraph } from "./graph";

export interface NamedResource {
  id: string;
  /** How the editor finds it: the node's title and field. */
  where: string;
}

export function namedResources(graph: WorkflowGraph | null): { providers: NamedResource[]; servers: NamedResource[] } {
  const providers: NamedResource[] = [];
  const servers: NamedResource[] = [];
  for (const node of graph?.nodes ?? []) {
    const title = node.title || node.id;
    if ((node.type === "llm" || node.type === "agent") && node.data.model) providers.push({ id: node.data.model.providerId, where: `${title} (model)` });
    if (node.type === "agent") for (const binding of node.data.tools) servers.push({ id: binding.serverId, where: `${title} (tools)` });
    if (node.type === "mcp-tool" && node.data.serverId) servers.push({ id: node.data.serverId, where: `${title} (tool server)` });
  }
  return { providers, servers };
}

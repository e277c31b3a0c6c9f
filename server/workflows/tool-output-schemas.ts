// The output schemas that a graph's MCP tool nodes' servers declare, from the servers' cached tool lists, so the
// checker knows what `{{tool_node.structured...}}` holds. Unknown servers or tools give undefined (any object).
import "server-only";
import { getDb } from "@/server/db";
import { listConnectedServerTools } from "@/server/db/queries/workspace-servers";
import type { WorkflowGraph } from "./graph";
import type { JsonSchema } from "./node-outputs";

export async function toolOutputSchemas({ workspaceId, graph }: { workspaceId: string; graph: WorkflowGraph }) {
  const ids = [...new Set(graph.nodes.flatMap((node) => (node.type === "mcp-tool" && node.data.serverId ? [node.data.serverId] : [])))];
  const servers = await listConnectedServerTools(await getDb(), { workspaceId, ids });
  const byServer = new Map(servers.map((server) => [server.id, new Map(server.tools.map((tool) => [tool.name, tool.outputSchema]))]));
  return (serverId: string, tool: string): JsonSchema | undefined => byServer.get(serverId)?.get(tool);
}

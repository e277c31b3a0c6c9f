// A workflow in an app file (server/apps/app-file.ts): the nodes' provider and server ids become the file's refs, and
// back again on import; secret header values never go in (secret-headers.ts).
import type { WorkflowGraph, WorkflowNode } from "./graph";
import { withoutWorkflowSecrets } from "./secret-headers";

/** Maps one id or ref to its counterpart; null when there is none (deleted since, or left unmapped on import). */
export interface RefMap {
  provider(id: string): string | null;
  server(id: string): string | null;
}

function mapNode(node: WorkflowNode, map: RefMap): WorkflowNode {
  switch (node.type) {
    case "llm":
    case "agent": {
      const providerId = node.data.model ? map.provider(node.data.model.providerId) : null;
      const model = node.data.model && providerId ? { ...node.data.model, providerId } : null;
      if (node.type === "llm") return { ...node, data: { ...node.data, model } };
      const tools = node.data.tools.flatMap((binding) => {
        const serverId = map.server(binding.serverId);
        return serverId ? [{ ...binding, serverId }] : [];
      });
      return { ...node, data: { ...node.data, model, tools } };
    }
    case "mcp-tool": {
      const serverId = node.data.serverId ? map.server(node.data.serverId) : null;
      // The tool's name stays, so the person sees which one to pick again on a server of their own.
      return { ...node, data: { ...node.data, serverId: serverId ?? "" } };
    }
    default:
      return node;
  }
}

export function mapWorkflowRefs(graph: WorkflowGraph, map: RefMap): WorkflowGraph {
  return { ...graph, nodes: graph.nodes.map((node) => mapNode(node, map)) };
}

/** For the file: refs in place of ids, and no secrets. */
export function workflowForFile(graph: WorkflowGraph, map: RefMap): WorkflowGraph {
  return mapWorkflowRefs(withoutWorkflowSecrets(graph), map);
}

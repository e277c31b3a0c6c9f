// A draft may only name this workspace's model providers and MCP servers. Checked when the draft is saved, so an id
// from another workspace never lands in a draft (and from there in a published version) to be refused only at run
// time. References the saved draft already has are let through unchecked: a provider or server deleted since then
// must not stop the editor from saving its other edits (the run explains a missing one).
import "server-only";
import type { Tx } from "@/server/db";
import { getMcpServer } from "@/server/db/queries/mcp-servers";
import { getModelProvider } from "@/server/db/queries/model-providers";
import { AppError } from "@/server/errors";
import { namedResources } from "@/server/workflows/named-resources";
import type { AppConfig } from "./app-config";

export async function assertDraftReferences(
  db: Tx,
  { workspaceId, draft, saved }: { workspaceId: string; draft: AppConfig; saved: AppConfig | null },
): Promise<void> {
  const providerId = draft.model?.providerId;
  if (providerId && providerId !== saved?.model?.providerId && !(await getModelProvider(db, { workspaceId, id: providerId }))) {
    throw new AppError(
      "bad_request:app_draft",
      "Model (model.providerId): this model provider is not one of this workspace's. Choose a model from Settings → Model providers.",
    );
  }
  const savedServers = new Set(saved?.tools.map((binding) => binding.serverId) ?? []);
  for (const [index, binding] of draft.tools.entries()) {
    if (savedServers.has(binding.serverId)) continue;
    if (!(await getMcpServer(db, { workspaceId, id: binding.serverId }))) {
      throw new AppError(
        "bad_request:app_draft",
        `Tools (tools[${index}].serverId): this MCP server is not one of this workspace's. Add servers from Tools → MCP.`,
      );
    }
  }
  // A workflow's nodes name providers and servers too: the same rule, node by node.
  const named = namedResources(draft.workflow);
  const before = namedResources(saved?.workflow ?? null);
  const savedProviders = new Set([...before.providers.map((p) => p.id), saved?.model?.providerId]);
  for (const provider of named.providers) {
    if (savedProviders.has(provider.id) || (await getModelProvider(db, { workspaceId, id: provider.id }))) continue;
    throw new AppError("bad_request:app_draft", `${provider.where}: this model provider is not one of this workspace's. Choose a model from Settings → Model providers.`);
  }
  for (const id of before.servers.map((s) => s.id)) savedServers.add(id);
  for (const server of named.servers) {
    if (savedServers.has(server.id) || (await getMcpServer(db, { workspaceId, id: server.id }))) continue;
    throw new AppError("bad_request:app_draft", `${server.where}: this MCP server is not one of this workspace's. Add servers from Tools → MCP.`);
  }
}

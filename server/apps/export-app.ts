// Export app: the draft (what the editor shows) as an app file. Providers and servers become refs described by name,
// kind and identifier only; see app-file.ts for what never goes in.
import "server-only";
import { getDb } from "@/server/db";
import { getMcpServer } from "@/server/db/queries/mcp-servers";
import { getModelProvider } from "@/server/db/queries/model-providers";
import { namedResources } from "@/server/workflows/named-resources";
import { workflowForFile } from "@/server/workflows/workflow-file";
import { appConfigSchema } from "./app-config";
import { appFileVersion, type AppFile } from "./app-file";
import { getAppOrThrow } from "./apps";

export async function exportApp({ workspaceId, id }: { workspaceId: string; id: string }): Promise<{ fileName: string; file: AppFile }> {
  const app = await getAppOrThrow({ workspaceId, id });
  const draft = appConfigSchema.parse(app.draft);
  const db = await getDb();

  // Each provider and server the draft names (its own model and tools, and a workflow's nodes) gets one ref.
  const providers: AppFile["providers"] = [];
  const servers: AppFile["servers"] = [];
  const providerRefs = new Map<string, string | null>();
  const serverRefs = new Map<string, string | null>();
  const named = namedResources(draft.workflow);
  for (const id of new Set([draft.model?.providerId, ...named.providers.map((p) => p.id)].filter((id) => id !== undefined))) {
    const provider = await getModelProvider(db, { workspaceId, id });
    const ref = provider ? `provider-${providers.length + 1}` : null;
    if (provider && ref) providers.push({ ref, name: provider.name, kind: provider.kind });
    providerRefs.set(id, ref);
  }
  for (const id of new Set([...draft.tools.map((b) => b.serverId), ...named.servers.map((s) => s.id)])) {
    // A server deleted since has nothing to map to on import either.
    const server = await getMcpServer(db, { workspaceId, id });
    const ref = server ? `server-${servers.length + 1}` : null;
    if (server && ref) servers.push({ ref, name: server.name, identifier: server.identifier });
    serverRefs.set(id, ref);
  }
  const refs = { provider: (id: string) => providerRefs.get(id) ?? null, server: (id: string) => serverRefs.get(id) ?? null };
  const providerRef = draft.model ? refs.provider(draft.model.providerId) : null;
  const model: AppFile["config"]["model"] = draft.model
    ? { provider: providerRef, model: draft.model.model, temperature: draft.model.temperature, maxTokens: draft.model.maxTokens }
    : null;
  const tools: AppFile["config"]["tools"] = draft.tools.flatMap(({ serverId, ...binding }) => {
    const ref = refs.server(serverId);
    return ref ? [{ server: ref, ...binding }] : [];
  });

  const file: AppFile = {
    switchyard: "app",
    version: appFileVersion,
    exportedAt: new Date().toISOString(),
    app: { type: app.type, name: app.name, icon: app.icon, iconBackground: app.iconBackground, description: app.description },
    config: {
      instructions: draft.instructions,
      variables: draft.variables,
      openingStatement: draft.openingStatement,
      maxToolRounds: draft.maxToolRounds,
      model,
      tools,
      workflow: draft.workflow ? workflowForFile(draft.workflow, refs) : null,
    },
    providers,
    servers,
  };
  const slug = app.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "app";
  return { fileName: `${slug}.switchyard-app.json`, file };
}

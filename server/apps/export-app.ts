// Export app: the draft (what the editor shows) as an app file. Providers and servers become refs described by name,
// kind and identifier only; see app-file.ts for what never goes in.
import "server-only";
import { getDb } from "@/server/db";
import { getMcpServer } from "@/server/db/queries/mcp-servers";
import { getModelProvider } from "@/server/db/queries/model-providers";
import { appConfigSchema } from "./app-config";
import { appFileVersion, type AppFile } from "./app-file";
import { getAppOrThrow } from "./apps";

export async function exportApp({ workspaceId, id }: { workspaceId: string; id: string }): Promise<{ fileName: string; file: AppFile }> {
  const app = await getAppOrThrow({ workspaceId, id });
  const draft = appConfigSchema.parse(app.draft);
  const db = await getDb();

  const providers: AppFile["providers"] = [];
  let model: AppFile["config"]["model"] = null;
  if (draft.model) {
    const provider = await getModelProvider(db, { workspaceId, id: draft.model.providerId });
    if (provider) providers.push({ ref: "provider-1", name: provider.name, kind: provider.kind });
    model = { provider: provider ? "provider-1" : null, model: draft.model.model, temperature: draft.model.temperature, maxTokens: draft.model.maxTokens };
  }

  const servers: AppFile["servers"] = [];
  const tools: AppFile["config"]["tools"] = [];
  for (const binding of draft.tools) {
    const server = await getMcpServer(db, { workspaceId, id: binding.serverId });
    if (!server) continue; // deleted since: nothing to map it to on import either
    const ref = `server-${servers.length + 1}`;
    servers.push({ ref, name: server.name, identifier: server.identifier });
    tools.push({ server: ref, mode: binding.mode, tools: binding.tools });
  }

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
    },
    providers,
    servers,
  };
  const slug = app.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "app";
  return { fileName: `${slug}.switchyard-app.json`, file };
}

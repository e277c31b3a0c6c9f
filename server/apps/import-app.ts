// Import app: a file from Export app becomes a new app in this workspace. Its provider and server refs are mapped to
// this workspace's own (or left unset: the model is then unchosen and the tool binding dropped), chosen by the
// person in the import dialog; `inspectAppFile` proposes a mapping by matching names.
import "server-only";
import { getDb } from "@/server/db";
import { listMcpServers } from "@/server/db/queries/mcp-servers";
import { listModelProviders } from "@/server/db/queries/model-providers";
import { AppError } from "@/server/errors";
import { appConfigSchema } from "./app-config";
import { parseAppFile } from "./app-file";
import { mapWorkflowRefs } from "@/server/workflows/workflow-file";
import { createApp } from "./apps";

export interface RefMapping {
  ref: string;
  id: string | null;
}

const sameName = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** What the file holds and what it references, each reference with this workspace's best match (or none). */
export async function inspectAppFile({ workspaceId, text }: { workspaceId: string; text: string }) {
  const file = parseAppFile(text);
  const db = await getDb();
  const [providers, servers] = await Promise.all([listModelProviders(db, { workspaceId }), listMcpServers(db, { workspaceId })]);
  return {
    app: file.app,
    model: file.config.model?.model ?? null,
    fieldCount: file.config.variables.length,
    providers: file.providers.map((p) => ({
      ...p,
      suggestedId: (providers.find((o) => sameName(o.name, p.name) && o.kind === p.kind) ?? providers.find((o) => o.kind === p.kind))?.id ?? null,
    })),
    servers: file.servers.map((s) => ({
      ...s,
      suggestedId: servers.find((o) => (s.identifier && o.identifier === s.identifier) || sameName(o.name, s.name))?.id ?? null,
    })),
    choices: {
      providers: providers.map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
      servers: servers.map((s) => ({ id: s.id, name: s.name })),
    },
  };
}

export async function importApp({
  workspaceId,
  text,
  providers,
  servers,
  createdBy,
}: {
  workspaceId: string;
  text: string;
  providers: RefMapping[];
  servers: RefMapping[];
  createdBy: string | null;
}) {
  const file = parseAppFile(text);
  const db = await getDb();
  const [ownProviders, ownServers] = await Promise.all([listModelProviders(db, { workspaceId }), listMcpServers(db, { workspaceId })]);
  const target = (mapping: RefMapping[], ref: string, own: { id: string }[], what: string) => {
    const id = mapping.find((m) => m.ref === ref)?.id ?? null;
    if (id && !own.some((o) => o.id === id)) {
      throw new AppError("bad_request:app_file", `The ${what} chosen for "${ref}" is not one of this workspace's. Nothing was imported.`);
    }
    return id;
  };

  const { model } = file.config;
  const providerId = model?.provider ? target(providers, model.provider, ownProviders, "model provider") : null;
  const tools = file.config.tools.flatMap(({ server, ...binding }) => {
    const serverId = target(servers, server, ownServers, "MCP server");
    return serverId ? [{ ...binding, serverId }] : [];
  });
  const config = {
    instructions: file.config.instructions,
    variables: file.config.variables,
    openingStatement: file.config.openingStatement,
    maxToolRounds: file.config.maxToolRounds,
    model: model && providerId ? { providerId, model: model.model, temperature: model.temperature, maxTokens: model.maxTokens } : null,
    tools,
    workflow: file.config.workflow
      ? mapWorkflowRefs(file.config.workflow, {
          provider: (ref) => target(providers, ref, ownProviders, "model provider"),
          server: (ref) => target(servers, ref, ownServers, "MCP server"),
        })
      : null,
  };
  const checked = appConfigSchema.safeParse(config);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    throw new AppError("bad_request:app_file", `The file's app is not valid: ${issue.message} Nothing was imported.`);
  }
  return createApp({ ...file.app, workspaceId, createdBy, config: checked.data });
}

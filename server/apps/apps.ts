// App lifecycle: create (starting from the workspace's default model), duplicate, publish a frozen version.
import "server-only";
import { getDb } from "@/server/db";
import { getApp, getAppVersion, insertApp, insertAppVersion, updateAppDraft } from "@/server/db/queries/apps";
import { getWorkspace } from "@/server/db/queries/workspaces";
import { AppError } from "@/server/errors";
import { changeEndpoint } from "@/server/mcp/server/endpoint-cache";
import { compileInputSchema } from "./json-input-validator";
import { emptyWorkflow } from "@/server/workflows/graph";
import { resealWorkflowSecrets, sealWorkflowSecrets } from "@/server/workflows/secret-headers";
import { appConfigSchema, emptyAppConfig, isWorkflowType, type AppConfig, type AppType } from "./app-config";
import { checkGraph } from "@/server/workflows/check-graph";
import { describeProblems } from "@/server/workflows/describe-problems";
import { toolOutputSchemas } from "@/server/workflows/tool-output-schemas";
import { assertDraftReferences } from "./assert-draft-references";
import { canonicalJson } from "@/shared/canonical-json";

export interface AppMeta {
  name: string;
  icon: string;
  iconBackground: string;
  description: string;
}

/** `config` (a template's, an imported file's) is laid over the empty draft with the workspace's default model. */
export async function createApp({
  config,
  ...input
}: AppMeta & { workspaceId: string; type: AppType; createdBy: string | null; config?: Partial<AppConfig> }) {
  const db = await getDb();
  const workspace = await getWorkspace(db, { workspaceId: input.workspaceId });
  const draft = emptyAppConfig();
  if (workspace?.defaultModelProviderId && workspace.defaultModel) {
    draft.model = { providerId: workspace.defaultModelProviderId, model: workspace.defaultModel, temperature: null, maxTokens: null };
  }
  const merged = { ...draft, ...config };
  // A workflow or chatflow starts as Start joined to its End (or Answer), ready for steps between them; other types
  // have no graph, whatever a file says.
  merged.workflow = isWorkflowType(input.type) ? (merged.workflow ?? emptyWorkflow(input.type)) : null;
  return insertApp(db, { ...input, draft: appConfigSchema.parse(merged) });
}

export async function getAppOrThrow({ workspaceId, id }: { workspaceId: string; id: string }) {
  const app = await getApp(await getDb(), { workspaceId, id });
  if (!app) throw new AppError("not_found:app", "This app does not exist or was deleted.");
  return app;
}

export async function duplicateApp({ workspaceId, id, createdBy }: { workspaceId: string; id: string; createdBy: string | null }) {
  const source = await getAppOrThrow({ workspaceId, id });
  const copyId = crypto.randomUUID();
  // Sealed header values are bound to their app: the copy gets its own (workflows/secret-headers.ts).
  const config = appConfigSchema.parse(source.draft);
  const draft = config.workflow ? { ...config, workflow: resealWorkflowSecrets({ fromAppId: source.id, toAppId: copyId, graph: config.workflow }) } : source.draft;
  return insertApp(await getDb(), {
    id: copyId,
    workspaceId,
    type: source.type,
    name: `${source.name} (copy)`.slice(0, 100),
    icon: source.icon,
    iconBackground: source.iconBackground,
    description: source.description,
    draft,
    createdBy,
  });
}

/** Saves the editor's draft once every provider and server it names is this workspace's. */
export async function saveDraft({ workspaceId, id, draft }: { workspaceId: string; id: string; draft: AppConfig }) {
  const app = await getAppOrThrow({ workspaceId, id });
  const saved = appConfigSchema.safeParse(app.draft);
  const db = await getDb();
  await assertDraftReferences(db, { workspaceId, draft, saved: saved.success ? saved.data : null });
  // A workflow's secret header values are sealed here, bound to this app (workflows/secret-headers.ts).
  const sealed = draft.workflow ? { ...draft, workflow: sealWorkflowSecrets({ appId: id, graph: draft.workflow }) } : draft;
  const updated = await updateAppDraft(db, { workspaceId, id, draft: sealed });
  if (!updated) throw new AppError("not_found:app", "This app does not exist or was deleted.");
  return updated;
}

/** Freezes the current draft as the next version; everything outside the editor runs that version. */
export async function publishApp({ workspaceId, id, publishedBy }: { workspaceId: string; id: string; publishedBy: string | null }) {
  const app = await getAppOrThrow({ workspaceId, id });
  const config = appConfigSchema.parse(app.draft);
  if (app.type === "workflow" || app.type === "chatflow") {
    // A workflow's models are its nodes'; what must hold is the graph (the canvas shows each problem on its node).
    const graph = config.workflow;
    const toolOutputSchema = graph ? await toolOutputSchemas({ workspaceId, graph }) : undefined;
    const problems = graph ? checkGraph(graph, { mode: app.type, variables: config.variables, toolOutputSchema }) : [{ nodeId: null, message: "Add a workflow." }];
    if (problems.length > 0) throw new AppError("bad_request:workflow", `Fix the workflow before publishing: ${describeProblems(graph ?? { nodes: [] }, problems)}`);
  } else if (!config.model) throw new AppError("bad_request:app", "Choose a model before publishing.");
  for (const variable of config.variables) {
    if (variable.jsonSchema && compileInputSchema(variable.jsonSchema) instanceof Error) {
      throw new AppError("bad_request:app", `The JSON Schema of "${variable.label}" is not valid. Fix it before publishing.`);
    }
  }
  return changeEndpoint({ workspaceId, appId: id }, (db) => db.transaction((tx) => insertAppVersion(tx, { workspaceId, appId: id, config, publishedBy })));
}

export async function getPublishedConfig({ workspaceId, app }: { workspaceId: string; app: { publishedVersionId: string | null } }) {
  if (!app.publishedVersionId) return null;
  return getAppVersion(await getDb(), { workspaceId, id: app.publishedVersionId });
}

/** Key order does not matter: jsonb reorders keys, so compare canonically. */
export function sameConfig(a: AppConfig, b: AppConfig): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

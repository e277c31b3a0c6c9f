// The behaviour hints an app's tool carries, as the owner sees and sets them on the app's MCP Server tab: each hint
// derived from what the app does (tool-annotations.ts) unless the owner chose it. The choice is a publishing
// setting, so it applies to the published version on both the app's server and the workspace server, at once.
import "server-only";
import { appConfigSchema, type AppConfig } from "@/server/apps/app-config";
import { getAppOrThrow, getPublishedConfig } from "@/server/apps/apps";
import { getDb } from "@/server/db";
import { setAppToolAnnotations } from "@/server/db/queries/apps";
import { listConnectedServerTools } from "@/server/db/queries/workspace-servers";
import type { ToolAnnotationChoice } from "@/server/db/schema";
import { changeEndpoint } from "./endpoint-cache";
import { annotationHints, deriveAnnotations, explainAnnotations, pickHints, resolveAnnotations } from "./tool-annotations";

type AppRef = { workspaceId: string; appId: string };
type Hint = (typeof annotationHints)[number];

/** Each hint: what clients get, what it would be left automatic (and why), and the owner's choice (null: automatic). */
export type AnnotationView = Record<Hint, { effective: boolean; derived: boolean; why: string; chosen: boolean | null }>;

/** The owner's view; the published version decides (that is what is served), the draft before the first publish. */
export async function getAppAnnotations(ref: AppRef): Promise<AnnotationView> {
  const app = await getAppOrThrow({ workspaceId: ref.workspaceId, id: ref.appId });
  const version = await getPublishedConfig({ workspaceId: ref.workspaceId, app });
  const config: AppConfig = appConfigSchema.parse(version?.config ?? app.draft);
  const ids = config.tools.map((binding) => binding.serverId);
  const servers = app.type === "agent" ? await listConnectedServerTools(await getDb(), { workspaceId: ref.workspaceId, ids }) : [];
  const derived = deriveAnnotations(app.type, config, servers);
  const why = explainAnnotations(app.type, config, servers);
  const chosen = pickHints(app.toolAnnotations);
  const effective = resolveAnnotations(chosen, derived);
  return Object.fromEntries(
    annotationHints.map((name) => [name, { effective: effective[name] === true, derived: derived[name], why: why[name], chosen: chosen[name] ?? null }]),
  ) as AnnotationView;
}

/** Sets the owner's hints (null: derive it again); every endpoint serving the app shows them at its next request. */
export async function setAppAnnotations(ref: AppRef, hints: Partial<Record<Hint, boolean | null>>): Promise<AnnotationView> {
  await getAppOrThrow({ workspaceId: ref.workspaceId, id: ref.appId });
  const chosen: ToolAnnotationChoice = pickHints(hints);
  await changeEndpoint(ref, (db) =>
    setAppToolAnnotations(db, { workspaceId: ref.workspaceId, id: ref.appId, toolAnnotations: Object.keys(chosen).length ? chosen : null }),
  );
  return getAppAnnotations(ref);
}

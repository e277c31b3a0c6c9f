// Reads the endpoint behind a code into the one shape the lanes serve (endpoint.ts): an app's own server first,
// else the workspace server. Only endpoint-cache.ts calls this; every change to what it reads goes through that
// file's changeEndpoint, so other instances see it at their next request.
import "server-only";
import { appConfigSchema, type AppConfig } from "@/server/apps/app-config";
import type { Tx } from "@/server/db";
import { findEndpointByCodeHash, type EndpointRow } from "@/server/db/queries/published-servers";
import {
  findWorkspaceEndpointByCodeHash,
  listConnectedServerTools,
  listWorkspaceAppTools,
  type AppToolRow,
  type WorkspaceEndpointRow,
} from "@/server/db/queries/workspace-servers";
import type { ToolAnnotationChoice } from "@/server/db/schema";
import { workspaceServerKey, type Endpoint, type OfferedApp } from "./endpoint";
import { deriveAnnotations, resolveAnnotations, type ServerTools } from "./tool-annotations";
import { personalServersNote, type ServerScope } from "./personal-servers-note";
import { assignToolNames, wantedToolName } from "./workspace-tools";

export async function loadEndpoint(db: Tx, key: { codeHash: string; keyHash: string }): Promise<Endpoint | null> {
  const app = await findEndpointByCodeHash(db, key);
  if (app) return appEndpoint(db, app);
  const workspace = await findWorkspaceEndpointByCodeHash(db, key);
  return workspace ? workspaceEndpoint(db, workspace) : null;
}

/** The tools of the servers the endpoint's agents bind, read once and only when an agent's annotations need them. */
function serverToolsOnce(db: Tx, workspaceId: string, sources: Array<{ appType: string; config: unknown }>) {
  let tools: Promise<Array<ServerTools & ServerScope>> | null = null;
  return () => (tools ??= listConnectedServerTools(db, { workspaceId, ids: boundServerIds(sources) }));
}

/** The server ids agents' stored configs bind; read off the raw config, as it only narrows the query. */
function boundServerIds(sources: Array<{ appType: string; config: unknown }>): string[] {
  const ids = sources.flatMap(({ appType, config }) =>
    appType === "agent" ? ((config as { tools?: Array<{ serverId?: unknown }> } | null)?.tools ?? []).map((binding) => binding.serverId) : [],
  );
  return [...new Set(ids.filter((id): id is string => typeof id === "string"))];
}

type AppSource = Pick<AppToolRow, "appId" | "appType" | "appName" | "icon" | "iconBackground" | "appUpdatedAt" | "provider"> & {
  version: number;
  versionId: string;
  config: unknown;
  toolAnnotations: ToolAnnotationChoice | null;
  settingsUpdatedAt: Date | null;
};

async function offered(
  source: AppSource,
  face: { toolName: string; toolDescription: string; parameterDescriptions: Record<string, string> },
  serverTools: () => Promise<Array<ServerTools & ServerScope>>,
  accessMode: Endpoint["accessMode"],
): Promise<OfferedApp> {
  const config: Pick<AppConfig, "tools"> = source.appType === "agent" ? appConfigSchema.parse(source.config) : { tools: [] };
  const servers = source.appType === "agent" ? await serverTools() : [];
  const derived = deriveAnnotations(source.appType, config, servers);
  const note = personalServersNote(accessMode, config.tools, servers);
  return {
    appId: source.appId,
    appType: source.appType,
    appName: source.appName,
    version: source.version,
    versionId: source.versionId,
    config: source.config,
    provider: source.provider?.id ? source.provider : null,
    ...face,
    toolDescription: face.toolDescription + note,
    annotations: resolveAnnotations(source.toolAnnotations, derived),
    icon: source.icon,
    iconBackground: source.iconBackground,
    revision: [source.versionId, source.settingsUpdatedAt?.getTime() ?? 0, source.appUpdatedAt.getTime(), face.toolName, note].join(":"),
  };
}

/** Whether the server is on, its code, who may call and its approval policy: the same columns in both tables. */
function lockOf(row: Pick<Endpoint, "enabled" | "codeHash" | "accessMode" | "signInRestricted" | "approvalPolicy" | "keyId" | "keyLastUsedAt">) {
  const { enabled, codeHash, accessMode, signInRestricted, approvalPolicy, keyId, keyLastUsedAt } = row;
  return { enabled, codeHash, accessMode, signInRestricted, approvalPolicy, keyId, keyLastUsedAt };
}

async function appEndpoint(db: Tx, row: EndpointRow): Promise<Endpoint> {
  const face = { toolName: row.toolName, toolDescription: row.toolDescription, parameterDescriptions: row.parameterDescriptions };
  const apps =
    row.versionId && row.version && row.config
      ? [await offered({ ...row, version: row.version, versionId: row.versionId, config: row.config }, face, serverToolsOnce(db, row.workspaceId, [row]), row.accessMode)]
      : [];
  return {
    kind: "app",
    serverKey: row.appId,
    workspaceId: row.workspaceId,
    appId: row.appId,
    ...lockOf(row),
    info: { name: row.toolName, title: row.appName, version: String(row.version ?? 0) },
    instructions: null,
    apps,
  };
}

/** The included apps (switched on, or never switched while new apps are included), named without clashes. */
export function includedApps(rows: AppToolRow[], includeNewApps: boolean): AppToolRow[] {
  return rows.filter((row) => row.included ?? includeNewApps);
}

async function workspaceEndpoint(db: Tx, row: WorkspaceEndpointRow): Promise<Endpoint> {
  const rows = includedApps(await listWorkspaceAppTools(db, { workspaceId: row.workspaceId }), row.includeNewApps);
  const names = assignToolNames(rows.map((app) => ({ appId: app.appId, wanted: wantedToolName(app) })));
  const serverTools = serverToolsOnce(db, row.workspaceId, rows);
  const apps = await Promise.all(
    rows.map((app) =>
      offered(app, { toolName: names.get(app.appId)!, toolDescription: app.toolDescription ?? describeApp(app), parameterDescriptions: app.parameterDescriptions ?? {} }, serverTools, row.accessMode),
    ),
  );
  return {
    kind: "workspace",
    serverKey: workspaceServerKey(row.workspaceId),
    workspaceId: row.workspaceId,
    appId: null,
    ...lockOf(row),
    info: { name: "switchyard-workspace", title: row.workspaceName, version: String(row.updatedAt.getTime()) },
    instructions: row.instructions.trim() || null,
    apps,
  };
}

/** An app whose own server was never configured: its description, or what it is. */
export function describeApp(app: { appDescription: string; appName: string; appType: string }): string {
  if (app.appDescription.trim()) return app.appDescription.trim();
  const kind = app.appType === "agent" ? "agent" : app.appType === "chat" ? "chat app" : "text generator";
  return `Runs the ${kind} "${app.appName}" and returns its answer.`;
}

// The workspace MCP server, the console's side: one URL whose tools are the workspace's published apps. Turning it
// on, a new URL, which apps it offers (a switch per app, and "include newly published apps automatically"), and
// its instructions. Every change goes through changeEndpoint, so every instance serves it at the next request.
import "server-only";
import { getAppOrThrow } from "@/server/apps/apps";
import { getDb } from "@/server/db";
import {
  getWorkspaceServer,
  insertWorkspaceServer,
  listWorkspaceAppTools,
  setWorkspaceAppIncluded,
  switchOnUnswitchedApps,
  updateWorkspaceServer,
} from "@/server/db/queries/workspace-servers";
import { AppError } from "@/server/errors";
import { defaultApprovalPolicy } from "./approval-policy";
import { changeEndpoint } from "./endpoint-cache";
import { describeApp, includedApps } from "./load-endpoint";
import { getServerAccess } from "./server-access";
import { newServerCode, openWorkspaceServerCode, serverUrl, workspaceServerCodeAad } from "./server-code";
import { assignToolNames, wantedToolName } from "./workspace-tools";

export const maxInstructionsLength = 4_000;

const change = <T>(workspaceId: string, write: Parameters<typeof changeEndpoint<T>>[1]) => changeEndpoint({ workspaceId, appId: null }, write);

/**
 * The server and every published app with its switch and the tool name it is offered under. `renamedFrom` is set
 * when the app's own name was taken by an older app: the page says so rather than renaming it silently.
 */
export async function getWorkspaceServerStatus(workspaceId: string) {
  const db = await getDb();
  const [server, rows] = await Promise.all([getWorkspaceServer(db, { workspaceId }), listWorkspaceAppTools(db, { workspaceId })]);
  const includeNewApps = server?.includeNewApps ?? true;
  const offered = includedApps(rows, includeNewApps);
  const names = assignToolNames(offered.map((app) => ({ appId: app.appId, wanted: wantedToolName(app) })));
  const holderOf = (name: string) => offered.find((app) => names.get(app.appId) === name);
  return {
    configured: Boolean(server),
    enabled: server?.enabled ?? false,
    url: server ? serverUrl(openWorkspaceServerCode(server)) : null,
    access: await getServerAccess({ workspaceId, appId: null }, server),
    approvalPolicy: server?.approvalPolicy ?? defaultApprovalPolicy,
    includeNewApps,
    instructions: server?.instructions ?? "",
    apps: rows.map((app) => {
      const wanted = wantedToolName(app);
      const toolName = names.get(app.appId) ?? null;
      return {
        appId: app.appId,
        name: app.appName,
        type: app.appType,
        icon: app.icon,
        iconBackground: app.iconBackground,
        version: app.version,
        description: app.toolDescription ?? describeApp(app),
        /** The owner's switch; null when never switched (it then follows includeNewApps). */
        switched: app.included,
        included: toolName !== null,
        toolName: toolName ?? wanted,
        renamedFrom: toolName && toolName !== wanted ? { name: wanted, takenBy: holderOf(wanted)?.appName ?? null } : null,
      };
    }),
  };
}

/** Turns the server on; the first time, it gets its secret URL. */
export async function enableWorkspaceServer(workspaceId: string) {
  const existing = await getWorkspaceServer(await getDb(), { workspaceId });
  const row = await change(workspaceId, (db) =>
    existing
      ? updateWorkspaceServer(db, { workspaceId, enabled: true })
      : insertWorkspaceServer(db, { workspaceId, enabled: true, ...newServerCode(workspaceId, workspaceServerCodeAad(workspaceId)) }),
  );
  return { enabled: true, url: serverUrl(openWorkspaceServerCode(row ?? existing!)) };
}

export async function disableWorkspaceServer(workspaceId: string) {
  const row = await change(workspaceId, (db) => updateWorkspaceServer(db, { workspaceId, enabled: false }));
  if (!row) throw notConfigured();
  return { enabled: false };
}

/** A new secret URL; the old one stops on every instance at the next request. */
export async function regenerateWorkspaceServerUrl(workspaceId: string) {
  const fresh = newServerCode(workspaceId, workspaceServerCodeAad(workspaceId));
  const row = await change(workspaceId, (db) => updateWorkspaceServer(db, { workspaceId, codeHash: fresh.codeHash, codeCiphertext: fresh.codeCiphertext }));
  if (!row) throw notConfigured();
  return { url: serverUrl(fresh.code) };
}

export async function updateWorkspaceServerSettings(workspaceId: string, settings: { includeNewApps?: boolean; instructions?: string }) {
  const instructions = settings.instructions?.trim();
  if (instructions !== undefined && instructions.length > maxInstructionsLength) {
    throw new AppError("bad_request:mcp_server", `Instructions are at most ${maxInstructionsLength.toLocaleString("en")} characters.`);
  }
  const row = await change(workspaceId, (db) =>
    db.transaction(async (tx) => {
      const current = await getWorkspaceServer(tx, { workspaceId });
      if (!current) return null;
      // The setting is about apps published from now on: the apps it has been offering keep their place, each
      // with a switch of its own that is on.
      if (settings.includeNewApps === false && current.includeNewApps) await switchOnUnswitchedApps(tx, { workspaceId });
      return updateWorkspaceServer(tx, { workspaceId, includeNewApps: settings.includeNewApps, instructions });
    }),
  );
  if (!row) throw notConfigured();
  return { includeNewApps: row.includeNewApps, instructions: row.instructions };
}

/** The switch for one app: offered as a tool, or not. Kept when the app is published again. */
export async function setWorkspaceAppIncludedFor(workspaceId: string, appId: string, included: boolean) {
  await getAppOrThrow({ workspaceId, id: appId });
  await change(workspaceId, (db) => setWorkspaceAppIncluded(db, { workspaceId, appId, included }));
  return { included };
}

function notConfigured() {
  return new AppError("not_found:mcp_server", "Turn the workspace MCP server on first.");
}

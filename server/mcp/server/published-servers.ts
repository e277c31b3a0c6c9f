// Publishing an app as an MCP server: status, first enable (which asks for the tool's public face), settings,
// disable, a new secret URL, and optional bearer keys.
import "server-only";
import { appConfigSchema } from "@/server/apps/app-config";
import { getAppOrThrow, getPublishedConfig } from "@/server/apps/apps";
import { generateToken, hashToken } from "@/server/crypto/tokens";
import { getDb } from "@/server/db";
import {
  deleteServerKey,
  getPublishedServer,
  insertPublishedServer,
  insertServerKey,
  listServerKeys,
  updatePublishedServer,
} from "@/server/db/queries/published-servers";
import { AppError } from "@/server/errors";
import { defaultApprovalPolicy } from "./approval-policy";
import { changeEndpoint } from "./endpoint-cache";
import { assertServerOwner, getServerAccess, type ServerRef } from "./server-access";
import { newServerCode, openServerCode, serverUrl } from "./server-code";
import { suggestToolName, toolNamePattern } from "./tool-name";

export interface ToolSettings {
  toolName: string;
  toolDescription: string;
  parameterDescriptions: Record<string, string>;
}

type AppRef = { workspaceId: string; appId: string };

async function publishedVariables({ workspaceId, appId }: AppRef) {
  const app = await getAppOrThrow({ workspaceId, id: appId });
  const version = await getPublishedConfig({ workspaceId, app });
  return { app, version, variables: version ? appConfigSchema.parse(version.config).variables : [] };
}

export async function getServerStatus(ref: AppRef) {
  const { app, version, variables } = await publishedVariables(ref);
  const server = await getPublishedServer(await getDb(), ref);
  return {
    hasPublishedVersion: Boolean(version),
    publishedVersion: version?.version ?? null,
    configured: Boolean(server),
    enabled: server?.enabled ?? false,
    url: server ? serverUrl(openServerCode(server)) : null,
    toolName: server?.toolName ?? suggestToolName(app.name),
    toolDescription: server?.toolDescription ?? app.description,
    appType: app.type,
    access: await getServerAccess(ref, server),
    approvalPolicy: server?.approvalPolicy ?? defaultApprovalPolicy,
    parameters: variables.map((v) => ({
      key: v.key,
      label: v.label,
      type: v.type,
      required: v.required,
      description: server?.parameterDescriptions[v.key] ?? v.description,
    })),
  };
}

function assertSettings(settings: ToolSettings, variables: { key: string; label: string }[]) {
  if (!toolNamePattern.test(settings.toolName)) {
    throw new AppError("bad_request:mcp_server", "Use 1 to 64 letters, digits, _, . or - for the tool name (no spaces).");
  }
  if (!settings.toolDescription.trim()) throw new AppError("bad_request:mcp_server", "Describe what the tool does: MCP clients show it to their model.");
  const missing = variables.filter((v) => !settings.parameterDescriptions[v.key]?.trim());
  if (missing.length > 0) {
    throw new AppError("bad_request:mcp_server", `Describe every input for MCP clients; missing: ${missing.map((v) => v.label).join(", ")}.`);
  }
}

function cleanSettings(settings: ToolSettings, variables: { key: string }[]): ToolSettings {
  const keys = new Set(variables.map((v) => v.key));
  const parameterDescriptions = Object.fromEntries(
    Object.entries(settings.parameterDescriptions)
      .filter(([key]) => keys.has(key))
      .map(([key, text]) => [key, text.trim()]),
  );
  return { toolName: settings.toolName, toolDescription: settings.toolDescription.trim(), parameterDescriptions };
}

/** Turns the server on; the first time it needs the tool's settings, later ones may change them. */
export async function enableServer(ref: AppRef, settings: ToolSettings | null) {
  const { version, variables } = await publishedVariables(ref);
  if (!version) throw new AppError("bad_request:mcp_server", "Publish the app first: the MCP server runs the published version.");
  const db = await getDb();
  const existing = await getPublishedServer(db, ref);
  if (!existing && !settings) throw new AppError("bad_request:mcp_server", "Give the tool a name and a description to turn the server on.");
  if (settings) assertSettings(settings, variables);
  const clean = settings ? cleanSettings(settings, variables) : null;
  const row = await changeEndpoint(ref, (db) =>
    existing
      ? updatePublishedServer(db, { ...ref, enabled: true, ...(clean ?? {}) })
      : insertPublishedServer(db, { ...ref, enabled: true, ...newServerCode(ref.appId), ...clean! }),
  );
  return { enabled: true, url: serverUrl(openServerCode(row ?? existing!)) };
}

export async function disableServer(ref: AppRef) {
  await getAppOrThrow({ workspaceId: ref.workspaceId, id: ref.appId });
  const row = await changeEndpoint(ref, (db) => updatePublishedServer(db, { ...ref, enabled: false }));
  if (!row) throw new AppError("not_found:mcp_server", "This app's MCP server was never turned on.");
  return row;
}

export async function updateServerSettings(ref: AppRef, settings: ToolSettings) {
  const { variables } = await publishedVariables(ref);
  assertSettings(settings, variables);
  const row = await changeEndpoint(ref, (db) => updatePublishedServer(db, { ...ref, ...cleanSettings(settings, variables) }));
  if (!row) throw new AppError("not_found:mcp_server", "Turn the MCP server on first.");
  return row;
}

/** A new secret URL; the old one stops working on every instance at the next request. */
export async function regenerateServerUrl(ref: AppRef) {
  await getAppOrThrow({ workspaceId: ref.workspaceId, id: ref.appId });
  const fresh = newServerCode(ref.appId);
  const row = await changeEndpoint(ref, (db) => updatePublishedServer(db, { ...ref, codeHash: fresh.codeHash, codeCiphertext: fresh.codeCiphertext }));
  if (!row) throw new AppError("not_found:mcp_server", "Turn the MCP server on first.");
  return { url: serverUrl(fresh.code) };
}

// Keys: an app's server's, or the workspace server's (appId null) ------------------------------------------------

const keyPrefix = "sym_";

export async function listKeys(ref: ServerRef) {
  await assertServerOwner(ref);
  return listServerKeys(await getDb(), ref);
}

/** The key in the clear, this once; only its hash is stored. Keys open the server only in "API key" mode. */
export async function createKey(ref: ServerRef, name: string) {
  await assertServerOwner(ref);
  const key = generateToken(keyPrefix);
  const row = await changeEndpoint(ref, (db) => insertServerKey(db, { ...ref, name, prefix: key.slice(0, keyPrefix.length + 6), keyHash: hashToken(key) }));
  return { ...row, key };
}

export async function revokeKey(ref: ServerRef, id: string) {
  await assertServerOwner(ref);
  if (!(await changeEndpoint(ref, (db) => deleteServerKey(db, { ...ref, id })))) {
    throw new AppError("not_found:mcp_server_key", "This key does not exist or was already revoked.");
  }
}

// Version history: every published version with who published it, and the two ways back to one of them: copy it
// into the draft (Restore to draft), or publish it again as the newest version (rollback).
import "server-only";
import { getDb } from "@/server/db";
import { getAppVersion, insertAppVersion, listAppVersions, updateAppDraft } from "@/server/db/queries/apps";
import { AppError } from "@/server/errors";
import { changeEndpoint } from "@/server/mcp/server/endpoint-cache";
import { appConfigSchema } from "./app-config";
import { getAppOrThrow, sameConfig } from "./apps";

type Ref = { workspaceId: string; appId: string };

export async function listVersions({ workspaceId, appId }: Ref) {
  const app = await getAppOrThrow({ workspaceId, id: appId });
  const draft = appConfigSchema.parse(app.draft);
  const versions = await listAppVersions(await getDb(), { workspaceId, appId });
  return versions.map((v) => {
    const config = appConfigSchema.parse(v.config);
    return {
      id: v.id,
      version: v.version,
      config,
      publishedAt: v.createdAt,
      publishedBy: v.publishedBy?.id ? { name: v.publishedBy.name, email: v.publishedBy.email } : null,
      isLive: v.id === app.publishedVersionId,
      sameAsDraft: sameConfig(config, draft),
    };
  });
}

async function getVersionOrThrow({ workspaceId, appId, versionId }: Ref & { versionId: string }) {
  const version = await getAppVersion(await getDb(), { workspaceId, id: versionId });
  if (!version || version.appId !== appId) throw new AppError("not_found:app_version", "This version does not exist. Reload the page to see the current list.");
  return version;
}

/**
 * Overwrites the draft with a version's config. Its providers and servers are not checked again: they were this
 * workspace's when it was published, and one deleted since is explained by the run, as for any saved draft.
 */
export async function restoreVersionToDraft({ workspaceId, appId, versionId }: Ref & { versionId: string }) {
  await getAppOrThrow({ workspaceId, id: appId });
  const version = await getVersionOrThrow({ workspaceId, appId, versionId });
  const updated = await updateAppDraft(await getDb(), { workspaceId, id: appId, draft: appConfigSchema.parse(version.config) });
  if (!updated) throw new AppError("not_found:app", "This app does not exist or was deleted.");
  return { version: version.version, draftUpdatedAt: updated.draftUpdatedAt };
}

/**
 * Rollback: publishes an old version's config again as the newest version, so history stays a straight line (who
 * rolled back, when) and published servers serve it at their next request (the endpoint cache's generation).
 */
export async function republishVersion({ workspaceId, appId, versionId, publishedBy }: Ref & { versionId: string; publishedBy: string | null }) {
  await getAppOrThrow({ workspaceId, id: appId });
  const source = await getVersionOrThrow({ workspaceId, appId, versionId });
  const config = appConfigSchema.parse(source.config);
  const version = await changeEndpoint({ workspaceId, appId }, (db) => db.transaction((tx) => insertAppVersion(tx, { workspaceId, appId, config, publishedBy })));
  return { id: version.id, version: version.version, from: source.version, publishedAt: version.createdAt };
}

import "server-only";
import { and, desc, eq, max } from "drizzle-orm";
import type { Tx } from "@/server/db";
import type { AppConfig } from "@/server/apps/app-config";
import { apps, appVersions, users, type NewApp, type ToolAnnotationChoice } from "@/server/db/schema";

export async function listApps(db: Tx, { workspaceId }: { workspaceId: string }) {
  return db
    .select({
      id: apps.id,
      type: apps.type,
      name: apps.name,
      icon: apps.icon,
      iconBackground: apps.iconBackground,
      description: apps.description,
      publishedVersionId: apps.publishedVersionId,
      updatedAt: apps.updatedAt,
    })
    .from(apps)
    .where(eq(apps.workspaceId, workspaceId))
    .orderBy(desc(apps.updatedAt));
}

export async function getApp(db: Tx, { workspaceId, id }: { workspaceId: string; id: string }) {
  const [app] = await db.select().from(apps).where(and(eq(apps.workspaceId, workspaceId), eq(apps.id, id)));
  return app ?? null;
}

export async function insertApp(db: Tx, values: NewApp) {
  const [app] = await db.insert(apps).values(values).returning();
  return app!;
}

export async function updateApp(
  db: Tx,
  { workspaceId, id, ...values }: { workspaceId: string; id: string } & Partial<Pick<NewApp, "name" | "icon" | "iconBackground" | "description">>,
) {
  const [app] = await db
    .update(apps)
    .set({ ...values, updatedAt: new Date() })
    .where(and(eq(apps.workspaceId, workspaceId), eq(apps.id, id)))
    .returning();
  return app ?? null;
}

/** The owner's tool annotations for the app; null leaves every hint derived. */
export async function setAppToolAnnotations(db: Tx, { workspaceId, id, toolAnnotations }: { workspaceId: string; id: string; toolAnnotations: ToolAnnotationChoice | null }) {
  const [app] = await db
    .update(apps)
    .set({ toolAnnotations })
    .where(and(eq(apps.workspaceId, workspaceId), eq(apps.id, id)))
    .returning({ id: apps.id, toolAnnotations: apps.toolAnnotations });
  return app ?? null;
}

export async function updateAppDraft(db: Tx, { workspaceId, id, draft }: { workspaceId: string; id: string; draft: AppConfig }) {
  const now = new Date();
  const [app] = await db
    .update(apps)
    .set({ draft, draftUpdatedAt: now, updatedAt: now })
    .where(and(eq(apps.workspaceId, workspaceId), eq(apps.id, id)))
    .returning();
  return app ?? null;
}

export async function deleteApp(db: Tx, { workspaceId, id }: { workspaceId: string; id: string }) {
  const rows = await db.delete(apps).where(and(eq(apps.workspaceId, workspaceId), eq(apps.id, id))).returning({ id: apps.id });
  return rows.length > 0;
}

export async function insertAppVersion(
  db: Tx,
  values: { workspaceId: string; appId: string; config: AppConfig; publishedBy: string | null },
) {
  const [{ latest } = { latest: 0 }] = await db
    .select({ latest: max(appVersions.version) })
    .from(appVersions)
    .where(eq(appVersions.appId, values.appId));
  const [version] = await db
    .insert(appVersions)
    .values({ ...values, version: (latest ?? 0) + 1 })
    .returning();
  await db
    .update(apps)
    .set({ publishedVersionId: version!.id, updatedAt: new Date() })
    .where(and(eq(apps.workspaceId, values.workspaceId), eq(apps.id, values.appId)));
  return version!;
}

export async function getAppVersion(db: Tx, { workspaceId, id }: { workspaceId: string; id: string }) {
  const [version] = await db
    .select()
    .from(appVersions)
    .where(and(eq(appVersions.workspaceId, workspaceId), eq(appVersions.id, id)));
  return version ?? null;
}

/** Every published version of one app, newest first, with who published it (null once they are deleted). */
export async function listAppVersions(db: Tx, { workspaceId, appId }: { workspaceId: string; appId: string }) {
  return db
    .select({
      id: appVersions.id,
      version: appVersions.version,
      config: appVersions.config,
      createdAt: appVersions.createdAt,
      publishedBy: { id: users.id, name: users.name, email: users.email },
    })
    .from(appVersions)
    .leftJoin(users, eq(users.id, appVersions.publishedBy))
    .where(and(eq(appVersions.workspaceId, workspaceId), eq(appVersions.appId, appId)))
    .orderBy(desc(appVersions.version));
}

export async function listAgentDrafts(db: Tx, { workspaceId }: { workspaceId: string }) {
  return db
    .select({ id: apps.id, name: apps.name, draft: apps.draft })
    .from(apps)
    .where(and(eq(apps.workspaceId, workspaceId), eq(apps.type, "agent")));
}

import { z } from "zod";
import { getDb } from "@/server/db";
import { deleteApp, listApps, updateApp } from "@/server/db/queries/apps";
import { appConfigSchema, appTypes } from "@/server/apps/app-config";
import { createApp, duplicateApp, getAppOrThrow, getPublishedConfig, publishApp, sameConfig, saveDraft } from "@/server/apps/apps";
import { listVersions, republishVersion, restoreVersionToDraft } from "@/server/apps/app-versions";
import { decidePreviewToolCall } from "@/server/apps/preview-approval";
import { AppError } from "@/server/errors";
import { getKv } from "@/server/kv";
import { changeEndpoint } from "@/server/mcp/server/endpoint-cache";
import { createTRPCRouter, idSchema, workspaceProcedure } from "../trpc";

const metaFields = {
  name: z.string().trim().min(1, "Give the app a name.").max(100),
  icon: z.string().trim().min(1).max(16),
  iconBackground: z.string().regex(/^#[0-9a-fA-F]{6}$/, "Use a colour like #E0E7FF."),
  description: z.string().trim().max(500),
};
// Defaults for a new app only: under .partial() zod still fills them in, so an update sending only a name would
// reset the icon, colour and description.
const newAppSchema = z.object({
  ...metaFields,
  icon: metaFields.icon.default("🤖"),
  iconBackground: metaFields.iconBackground.default("#E0E7FF"),
  description: metaFields.description.default(""),
});
const appUpdateSchema = z.object(metaFields).partial();

export const appsRouter = createTRPCRouter({
  list: workspaceProcedure.query(async ({ ctx }) => listApps(await getDb(), { workspaceId: ctx.workspaceId })),

  get: workspaceProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }) => {
    const app = await getAppOrThrow({ workspaceId: ctx.workspaceId, id: input.id });
    const published = await getPublishedConfig({ workspaceId: ctx.workspaceId, app });
    const draft = appConfigSchema.parse(app.draft);
    return {
      ...app,
      draft,
      published: published ? { id: published.id, version: published.version, publishedAt: published.createdAt } : null,
      hasUnpublishedChanges: !published || !sameConfig(draft, published.config),
    };
  }),

  create: workspaceProcedure
    .meta({ role: "editor" })
    .input(newAppSchema.extend({ type: z.enum(appTypes) }))
    .mutation(({ ctx, input }) => createApp({ ...input, workspaceId: ctx.workspaceId, createdBy: ctx.userId })),

  update: workspaceProcedure
    .meta({ role: "editor" })
    .input(appUpdateSchema.extend({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      // The name is the published server's title, so the endpoint hears about it.
      const app = await changeEndpoint({ workspaceId: ctx.workspaceId, appId: input.id }, (db) => updateApp(db, { workspaceId: ctx.workspaceId, ...input }));
      if (!app) throw new AppError("not_found:app", "This app does not exist or was deleted.");
      return app;
    }),

  updateDraft: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ id: idSchema, draft: appConfigSchema }))
    .mutation(async ({ ctx, input }) => {
      const app = await saveDraft({ workspaceId: ctx.workspaceId, id: input.id, draft: input.draft });
      return { id: app.id, draftUpdatedAt: app.draftUpdatedAt };
    }),

  duplicate: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ id: idSchema }))
    .mutation(({ ctx, input }) => duplicateApp({ workspaceId: ctx.workspaceId, id: input.id, createdBy: ctx.userId })),

  delete: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      if (!(await changeEndpoint({ workspaceId: ctx.workspaceId, appId: input.id }, (db) => deleteApp(db, { workspaceId: ctx.workspaceId, id: input.id })))) {
        throw new AppError("not_found:app", "This app does not exist or was deleted.");
      }
      return { ok: true };
    }),

  publish: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      const version = await publishApp({ workspaceId: ctx.workspaceId, id: input.id, publishedBy: ctx.userId });
      return { id: version.id, version: version.version, publishedAt: version.createdAt };
    }),

  versions: workspaceProcedure
    .input(z.object({ id: idSchema }))
    .query(({ ctx, input }) => listVersions({ workspaceId: ctx.workspaceId, appId: input.id })),

  restoreVersion: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ id: idSchema, versionId: idSchema }))
    .mutation(({ ctx, input }) => restoreVersionToDraft({ workspaceId: ctx.workspaceId, appId: input.id, versionId: input.versionId })),

  /** Approve / Deny a tool call that waits in the caller's own Debug & Preview run (preview-approval.ts). */
  decideToolCall: workspaceProcedure
    .meta({ role: "editor" })
    .input(
      z.object({
        appId: idSchema,
        messageId: idSchema,
        callId: z.string().min(1).max(200),
        decision: z.enum(["approved", "denied"]),
        arguments: z.unknown().optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await getAppOrThrow({ workspaceId: ctx.workspaceId, id: input.appId });
      if (!ctx.userId) throw new AppError("not_found:tool_call", "This tool call does not exist or is not yours to decide.");
      return decidePreviewToolCall(getKv(), { ...input, workspaceId: ctx.workspaceId, userId: ctx.userId });
    }),

  republishVersion: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ id: idSchema, versionId: idSchema }))
    .mutation(({ ctx, input }) => republishVersion({ workspaceId: ctx.workspaceId, appId: input.id, versionId: input.versionId, publishedBy: ctx.userId })),
});

import { z } from "zod";
import { appTemplates } from "@/server/apps/app-templates";
import { createFromTemplate } from "@/server/apps/create-from-template";
import { createTRPCRouter, idSchema, workspaceProcedure } from "../trpc";

export const appTemplatesRouter = createTRPCRouter({
  list: workspaceProcedure.query(() =>
    appTemplates.map(({ id, type, name, icon, iconBackground, description, server, config }) => ({
      id,
      type,
      name,
      icon,
      iconBackground,
      description,
      server,
      fields: config.variables.map((v) => v.label),
    })),
  ),

  create: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ templateId: z.string().min(1).max(64), serverId: idSchema.nullable().default(null) }))
    .mutation(({ ctx, input }) => createFromTemplate({ workspaceId: ctx.workspaceId, createdBy: ctx.userId, ...input })),
});

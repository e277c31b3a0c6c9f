import { z } from "zod";
import { exportApp } from "@/server/apps/export-app";
import { importApp, inspectAppFile } from "@/server/apps/import-app";
import { createTRPCRouter, idSchema, workspaceProcedure } from "../trpc";

// Twice the file limit so an oversized file reaches parseAppFile and gets its own sentence; beyond that, zod's.
const fileTextSchema = z.string().min(1, "Choose a file.").max(1024 * 1024, "The file is larger than 512 KB, so it is not an app export.");
const mappingSchema = z.array(z.object({ ref: z.string().max(40), id: idSchema.nullable() })).max(50).default([]);

export const appFilesRouter = createTRPCRouter({
  // A member reads the same draft through apps.get, so exporting it shows them nothing more.
  export: workspaceProcedure
    .input(z.object({ id: idSchema }))
    .query(({ ctx, input }) => exportApp({ workspaceId: ctx.workspaceId, id: input.id })),

  inspect: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ text: fileTextSchema }))
    .mutation(({ ctx, input }) => inspectAppFile({ workspaceId: ctx.workspaceId, text: input.text })),

  import: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ text: fileTextSchema, providers: mappingSchema, servers: mappingSchema }))
    .mutation(({ ctx, input }) => importApp({ workspaceId: ctx.workspaceId, createdBy: ctx.userId, ...input })),
});

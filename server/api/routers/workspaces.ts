import { z } from "zod";
import { getDb } from "@/server/db";
import { getWorkspace, listWorkspacesForUser, updateWorkspaceName, updateWorkspaceRetention } from "@/server/db/queries/workspaces";
import { createWorkspace } from "@/server/workspaces/create-workspace";
import { getSetupChecklist } from "@/server/workspaces/setup-checklist";
import { retentionDaysSchema } from "@/shared/retention-days";
import { createTRPCRouter, userProcedure, workspaceProcedure } from "../trpc";

const nameSchema = z.string().trim().min(1, "Give the workspace a name.").max(100);

export const workspacesRouter = createTRPCRouter({
  list: userProcedure.query(async ({ ctx }) => listWorkspacesForUser(await getDb(), { userId: ctx.userId })),

  create: userProcedure.input(z.object({ name: nameSchema })).mutation(async ({ ctx, input }) => {
    const db = await getDb();
    return db.transaction((tx) => createWorkspace(tx, { userId: ctx.userId, name: input.name }));
  }),

  current: workspaceProcedure.query(async ({ ctx }) => {
    const workspace = await getWorkspace(await getDb(), { workspaceId: ctx.workspaceId });
    return { id: ctx.workspaceId, name: workspace?.name ?? "", retentionDays: workspace?.retentionDays ?? null, role: ctx.role };
  }),

  /** The first-run checklist: which of the four setup steps this workspace has done. */
  checklist: workspaceProcedure.query(({ ctx }) => getSetupChecklist({ workspaceId: ctx.workspaceId })),

  rename: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ name: nameSchema }))
    .mutation(async ({ ctx, input }) =>
      updateWorkspaceName(await getDb(), { workspaceId: ctx.workspaceId, name: input.name }),
    ),

  /** How many days call logs and conversations are kept (null: forever); the retention job removes older ones. */
  setRetention: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ days: retentionDaysSchema }))
    .mutation(async ({ ctx, input }) => {
      const workspace = await updateWorkspaceRetention(await getDb(), { workspaceId: ctx.workspaceId, retentionDays: input.days });
      return { retentionDays: workspace?.retentionDays ?? null };
    }),
});

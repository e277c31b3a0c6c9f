import { z } from "zod";
import { getDb } from "@/server/db";
import { listOpenInvites, revokeInvite } from "@/server/db/queries/invites";
import { roles } from "@/server/auth/roles";
import { AppError } from "@/server/errors";
import { acceptInvite, createInvite, previewInvite } from "@/server/workspaces/invites";
import { createTRPCRouter, idSchema, publicProcedure, userProcedure, workspaceProcedure } from "../trpc";

const tokenSchema = z.string().min(10).max(200);

export const invitesRouter = createTRPCRouter({
  list: workspaceProcedure
    .meta({ role: "admin" })
    .query(async ({ ctx }) => listOpenInvites(await getDb(), { workspaceId: ctx.workspaceId })),

  create: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ role: z.enum(roles).default("member") }))
    .mutation(async ({ ctx, input }) => {
      if (!ctx.userId) throw new AppError("forbidden:invite", "Invites are created by people, not API keys.");
      return createInvite(await getDb(), {
        workspaceId: ctx.workspaceId,
        role: input.role,
        createdBy: ctx.userId,
        creatorRole: ctx.role,
      });
    }),

  revoke: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      const row = await revokeInvite(await getDb(), { workspaceId: ctx.workspaceId, id: input.id });
      if (!row) throw new AppError("not_found:invite", "This invite is gone or was already used.");
      return { ok: true };
    }),

  preview: publicProcedure
    .input(z.object({ token: tokenSchema }))
    .query(async ({ input }) => previewInvite(await getDb(), input)),

  accept: userProcedure
    .input(z.object({ token: tokenSchema }))
    .mutation(({ ctx, input }) => acceptInvite({ token: input.token, userId: ctx.userId })),
});

import { z } from "zod";
import { getDb } from "@/server/db";
import { listMembers } from "@/server/db/queries/workspaces";
import { roles } from "@/server/auth/roles";
import { changeMemberRole, countKeysAtStake, removeMember } from "@/server/workspaces/members";
import { createTRPCRouter, idSchema, workspaceProcedure } from "../trpc";

export const membersRouter = createTRPCRouter({
  list: workspaceProcedure.query(async ({ ctx }) => listMembers(await getDb(), { workspaceId: ctx.workspaceId })),

  /** Keys that removing this member (no role) or giving them `role` would revoke. */
  countKeys: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ userId: idSchema, role: z.enum(roles).optional() }))
    .query(({ ctx, input }) => countKeysAtStake(ctx, input)),

  updateRole: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ userId: idSchema, role: z.enum(roles) }))
    .mutation(({ ctx, input }) => changeMemberRole(ctx, input)),

  remove: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ userId: idSchema }))
    .mutation(async ({ ctx, input }) => {
      await removeMember(ctx, input);
      return { ok: true };
    }),
});

import { z } from "zod";
import { listMyGrants, revokeMyGrant } from "@/server/authorization-server/connected-clients";
import { createTRPCRouter, idSchema, userProcedure } from "../trpc";

/** The signed-in person's own things across workspaces (account settings): the clients they let reach a server. */
export const accountRouter = createTRPCRouter({
  listMyGrants: userProcedure.query(({ ctx }) => listMyGrants({ userId: ctx.userId })),

  revokeMyGrant: userProcedure.input(z.object({ grantId: idSchema })).mutation(async ({ ctx, input }) => {
    await revokeMyGrant({ userId: ctx.userId, grantId: input.grantId });
    return { ok: true };
  }),
});

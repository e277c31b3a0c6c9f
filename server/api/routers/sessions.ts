import { z } from "zod";
import { getDb } from "@/server/db";
import { listUserSessions, revokeOtherUserSessionsOf, revokeUserSessionOrThrow } from "@/server/auth/user-sessions";
import { createTRPCRouter, idSchema, userProcedure } from "../trpc";

/** The signed-in person's own sessions (account settings): never anyone else's. */
export const sessionsRouter = createTRPCRouter({
  list: userProcedure.query(async ({ ctx }) =>
    listUserSessions(await getDb(), { userId: ctx.userId, currentId: ctx.sessionId }),
  ),

  revoke: userProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }) => {
    await revokeUserSessionOrThrow(await getDb(), { userId: ctx.userId, sessionId: input.id });
    return { ok: true };
  }),

  revokeOthers: userProcedure.mutation(async ({ ctx }) =>
    revokeOtherUserSessionsOf(await getDb(), { userId: ctx.userId, currentId: ctx.sessionId }),
  ),
});

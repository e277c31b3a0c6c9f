import { z } from "zod";
import { getDb } from "@/server/db";
import { getConversation, listConversations } from "@/server/db/queries/conversations";
import { getAppOrThrow } from "@/server/apps/apps";
import { AppError } from "@/server/errors";
import { createTRPCRouter, idSchema, workspaceProcedure } from "../trpc";

export const conversationsRouter = createTRPCRouter({
  list: workspaceProcedure
    .input(z.object({ appId: idSchema, cursor: z.string().max(200).nullish(), limit: z.number().int().min(1).max(100).default(20) }))
    .query(async ({ ctx, input }) => {
      await getAppOrThrow({ workspaceId: ctx.workspaceId, id: input.appId });
      return listConversations(await getDb(), { workspaceId: ctx.workspaceId, appId: input.appId, limit: input.limit, cursor: input.cursor });
    }),

  get: workspaceProcedure.input(z.object({ appId: idSchema, id: idSchema })).query(async ({ ctx, input }) => {
    const conversation = await getConversation(await getDb(), { workspaceId: ctx.workspaceId, appId: input.appId, id: input.id });
    if (!conversation) throw new AppError("not_found:conversation", "This conversation does not exist or was deleted.");
    return conversation;
  }),
});

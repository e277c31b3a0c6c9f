import { z } from "zod";
import { getDb } from "@/server/db";
import { getAppVersion } from "@/server/db/queries/apps";
import { listConversations } from "@/server/db/queries/conversation-list";
import { getConversation } from "@/server/db/queries/conversations";
import { listMemberNames } from "@/server/db/queries/users";
import { getAppOrThrow } from "@/server/apps/apps";
import { AppError } from "@/server/errors";
import { createTRPCRouter, idSchema, workspaceProcedure } from "../trpc";

const filtersSchema = z.object({
  search: z.string().max(200).nullish(),
  source: z.enum(["debug", "mcp", "api"]).nullish(),
  from: z.date().nullish(),
  to: z.date().nullish(),
});

export const conversationsRouter = createTRPCRouter({
  list: workspaceProcedure
    .input(
      z
        .object({ appId: idSchema, cursor: z.string().max(200).nullish(), limit: z.number().int().min(1).max(100).default(20) })
        .merge(filtersSchema),
    )
    .query(async ({ ctx, input }) => {
      await getAppOrThrow({ workspaceId: ctx.workspaceId, id: input.appId });
      const { appId, limit, cursor, ...filters } = input;
      return listConversations(await getDb(), { workspaceId: ctx.workspaceId, appId, limit, cursor, filters });
    }),

  get: workspaceProcedure.input(z.object({ appId: idSchema, id: idSchema })).query(async ({ ctx, input }) => {
    const db = await getDb();
    const conversation = await getConversation(db, { workspaceId: ctx.workspaceId, appId: input.appId, id: input.id });
    if (!conversation) throw new AppError("not_found:conversation", "This conversation does not exist or was deleted.");
    // The inputs are shown under the labels of the form they were typed into: the published version's, or the draft's
    // for Debug & Preview.
    const version = conversation.appVersionId ? await getAppVersion(db, { workspaceId: ctx.workspaceId, id: conversation.appVersionId }) : null;
    const config = version?.config ?? (await getAppOrThrow({ workspaceId: ctx.workspaceId, id: input.appId })).draft;
    const inputFields = config.variables.map((v) => ({ key: v.key, label: v.label, type: v.type }));
    // Who approved or denied each tool call that asked first: "you", a member's name, or a former member.
    const deciderIds = [...new Set(conversation.messages.flatMap((m) => m.toolCalls.flatMap((c) => (c.approval?.userId ? [c.approval.userId] : []))))];
    const names = await listMemberNames(db, { workspaceId: ctx.workspaceId, ids: deciderIds });
    const deciders = Object.fromEntries(deciderIds.map((id) => [id, id === ctx.userId ? "you" : (names.get(id) ?? "a former member")]));
    return { ...conversation, inputFields, deciders };
  }),
});

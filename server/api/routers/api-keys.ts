import { z } from "zod";
import { getDb } from "@/server/db";
import { listApiKeys, revokeApiKey } from "@/server/db/queries/api-keys";
import { roles } from "@/server/auth/roles";
import { createApiKey } from "@/server/api-keys/api-keys";
import { AppError } from "@/server/errors";
import { createTRPCRouter, idSchema, workspaceProcedure } from "../trpc";

export const apiKeysRouter = createTRPCRouter({
  list: workspaceProcedure
    .meta({ role: "admin" })
    .query(async ({ ctx }) => listApiKeys(await getDb(), { workspaceId: ctx.workspaceId })),

  create: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ name: z.string().trim().min(1, "Give the key a name.").max(100), role: z.enum(roles) }))
    .mutation(async ({ ctx, input }) =>
      createApiKey(await getDb(), {
        workspaceId: ctx.workspaceId,
        name: input.name,
        role: input.role,
        createdBy: ctx.userId,
        creatorRole: ctx.role,
      }),
    ),

  revoke: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      const row = await revokeApiKey(await getDb(), { workspaceId: ctx.workspaceId, id: input.id });
      if (!row) throw new AppError("not_found:api_key", "This API key does not exist or was already revoked.");
      return { ok: true };
    }),
});

import { z } from "zod";
import { getDb } from "@/server/db";
import { listApiKeys, revokeApiKey } from "@/server/db/queries/api-keys";
import { roles } from "@/server/auth/roles";
import { apiKeyLifetimes, createApiKey } from "@/server/api-keys/api-keys";
import { AppError } from "@/server/errors";
import { createTRPCRouter, idSchema, workspaceProcedure } from "../trpc";

export const apiKeysRouter = createTRPCRouter({
  list: workspaceProcedure
    .meta({ role: "admin" })
    .query(async ({ ctx }) => listApiKeys(await getDb(), { workspaceId: ctx.workspaceId })),

  create: workspaceProcedure
    .meta({ role: "admin" })
    .input(
      z.object({
        name: z.string().trim().min(1, "Give the key a name.").max(100),
        role: z.enum(roles),
        expiresInDays: z.union(apiKeyLifetimes.map((d) => z.literal(d))).nullish(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      // Otherwise a leaked key could mint its own successors and outlive its revocation.
      if (!ctx.userId) {
        throw new AppError("forbidden:api_key", "An API key cannot create API keys. Sign in to the console to create one.");
      }
      return createApiKey(await getDb(), {
        workspaceId: ctx.workspaceId,
        name: input.name,
        role: input.role,
        createdBy: ctx.userId,
        creatorRole: ctx.role,
        expiresInDays: input.expiresInDays,
      });
    }),

  revoke: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      const row = await revokeApiKey(await getDb(), { workspaceId: ctx.workspaceId, id: input.id });
      if (!row) throw new AppError("not_found:api_key", "This API key does not exist or was already revoked.");
      return { ok: true };
    }),
});

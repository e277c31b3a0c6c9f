import { z } from "zod";
import {
  createPreregisteredClient,
  deletePreregisteredClient,
  listPreregisteredClients,
} from "@/server/authorization-server/preregistered-clients";
import { AppError } from "@/server/errors";
import { createTRPCRouter, idSchema, workspaceProcedure } from "../trpc";

// Settings -> OAuth clients: the workspace's pre-registered clients of our authorization server (owners and admins).
export const oauthClientsRouter = createTRPCRouter({
  list: workspaceProcedure
    .meta({ role: "admin" })
    .query(({ ctx }) => listPreregisteredClients({ workspaceId: ctx.workspaceId })),

  create: workspaceProcedure
    .meta({ role: "admin" })
    .input(
      z.object({
        name: z.string().trim().min(1, "Give the client a name: people see it on the consent page.").max(100),
        redirectUris: z.array(z.string().max(2_000)).max(20, "At most 20 redirect URIs."),
        type: z.enum(["public", "confidential"]),
        secretMethod: z.enum(["client_secret_basic", "client_secret_post"]).optional(),
      }),
    )
    .mutation(({ ctx, input }) => {
      // A key must not mint credentials that outlive it, as with API keys.
      if (!ctx.userId) throw new AppError("forbidden:oauth_client", "An API key cannot create OAuth clients. Sign in to the console to create one.");
      return createPreregisteredClient({ workspaceId: ctx.workspaceId, createdBy: ctx.userId }, input);
    }),

  delete: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      await deletePreregisteredClient({ workspaceId: ctx.workspaceId, clientId: input.id });
      return { ok: true };
    }),
});

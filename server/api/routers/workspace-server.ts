import { z } from "zod";
import { runConnectCheck } from "@/server/authorization-server/connect-check";
import { listConnectedClients, revokeConnectedClient } from "@/server/authorization-server/connected-clients";
import {
  disableWorkspaceServer,
  enableWorkspaceServer,
  getWorkspaceServerStatus,
  maxInstructionsLength,
  regenerateWorkspaceServerUrl,
  setWorkspaceAppIncludedFor,
  updateWorkspaceServerSettings,
} from "@/server/mcp/server/workspace-server";
import { createTRPCRouter, idSchema, workspaceProcedure } from "../trpc";

// The workspace MCP server (server/mcp/server/workspace-server.ts). Like an app's server, its URL is a credential:
// only those who may change it see it.
export const workspaceServerRouter = createTRPCRouter({
  get: workspaceProcedure.meta({ role: "editor" }).query(({ ctx }) => getWorkspaceServerStatus(ctx.workspaceId)),

  enable: workspaceProcedure.meta({ role: "admin" }).mutation(({ ctx }) => enableWorkspaceServer(ctx.workspaceId)),

  disable: workspaceProcedure.meta({ role: "admin" }).mutation(({ ctx }) => disableWorkspaceServer(ctx.workspaceId)),

  regenerate: workspaceProcedure.meta({ role: "admin" }).mutation(({ ctx }) => regenerateWorkspaceServerUrl(ctx.workspaceId)),

  update: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ includeNewApps: z.boolean().optional(), instructions: z.string().max(maxInstructionsLength * 2).optional() }))
    .mutation(({ ctx, input }) => updateWorkspaceServerSettings(ctx.workspaceId, input)),

  setIncluded: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ appId: idSchema, included: z.boolean() }))
    .mutation(({ ctx, input }) => setWorkspaceAppIncludedFor(ctx.workspaceId, input.appId, input.included)),

  // Switchyard sign-in (server/authorization-server), as on an app's MCP Server tab: the clients people connected
  // to this server, revoking one, and "Will it connect?".
  listGrants: workspaceProcedure.meta({ role: "editor" }).query(({ ctx }) => listConnectedClients({ workspaceId: ctx.workspaceId, appId: null })),

  revokeGrant: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ grantId: idSchema }))
    .mutation(async ({ ctx, input }) => {
      await revokeConnectedClient({ workspaceId: ctx.workspaceId, appId: null }, input.grantId);
      return { ok: true };
    }),

  checkConnect: workspaceProcedure.meta({ role: "editor" }).query(({ ctx }) => runConnectCheck({ workspaceId: ctx.workspaceId, appId: null })),
});

import { z } from "zod";
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
});

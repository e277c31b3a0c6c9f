import { z } from "zod";
import { runConnectCheck } from "@/server/authorization-server/connect-check";
import { listConnectedClients, revokeConnectedClient } from "@/server/authorization-server/connected-clients";
import { getDb } from "@/server/db";
import { listCallLogCallers, listCallLogs } from "@/server/db/queries/call-log-list";
import { createKey, listKeys, revokeKey } from "@/server/mcp/server/published-servers";
import { accessModes, setServerAccess } from "@/server/mcp/server/server-access";
import { approvalPolicySchema, setServerApprovalPolicy } from "@/server/mcp/server/approval-policy";
import {
  disableWorkspaceServer,
  enableWorkspaceServer,
  getWorkspaceServerStatus,
  maxInstructionsLength,
  regenerateWorkspaceServerUrl,
  setWorkspaceAppIncludedFor,
  updateWorkspaceServerSettings,
} from "@/server/mcp/server/workspace-server";
import { callLogInputSchema } from "../call-log-input";
import { createTRPCRouter, idSchema, workspaceProcedure } from "../trpc";

// The workspace MCP server (server/mcp/server/workspace-server.ts). Like an app's server, its URL is a credential:
// only those who may change it see it. Its access, keys and call log are an app server's, with no app (appId null).
const server = (workspaceId: string) => ({ workspaceId, appId: null });

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

  setAccess: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ mode: z.enum(accessModes), restricted: z.boolean().optional(), people: z.array(idSchema).max(500).optional() }))
    .mutation(({ ctx, input }) => setServerAccess(server(ctx.workspaceId), input)),

  // As on an app's MCP Server tab; like every setting of the workspace server, owners and admins change it.
  setApprovalPolicy: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ policy: approvalPolicySchema }))
    .mutation(({ ctx, input }) => setServerApprovalPolicy(server(ctx.workspaceId), input.policy)),

  listKeys: workspaceProcedure.meta({ role: "editor" }).query(({ ctx }) => listKeys(server(ctx.workspaceId))),

  createKey: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ name: z.string().trim().min(1, "Give the key a name.").max(100) }))
    .mutation(({ ctx, input }) => createKey(server(ctx.workspaceId), input.name)),

  revokeKey: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      await revokeKey(server(ctx.workspaceId), input.id);
      return { ok: true };
    }),

  // Every request the workspace server received; with appId, only the calls that ran that app. Members read it, as
  // they read an app's call log: it holds no credential.
  listCalls: workspaceProcedure
    .input(callLogInputSchema.extend({ appId: idSchema.nullish() }))
    .query(async ({ ctx, input }) => {
      const { appId, cursor, limit, ...filters } = input;
      return listCallLogs(await getDb(), { workspaceId: ctx.workspaceId, server: { workspaceServer: true, appId }, filters, limit, cursor });
    }),

  listCallers: workspaceProcedure.query(async ({ ctx }) => listCallLogCallers(await getDb(), { workspaceId: ctx.workspaceId, server: { workspaceServer: true } })),
});

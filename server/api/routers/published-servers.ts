import { z } from "zod";
import { callLogInputSchema } from "../call-log-input";
import { getAppOrThrow } from "@/server/apps/apps";
import { runConnectCheck } from "@/server/authorization-server/connect-check";
import { getDb } from "@/server/db";
import { listCallLogCallers, listCallLogs } from "@/server/db/queries/call-log-list";
import {
  createKey,
  disableServer,
  enableServer,
  getServerStatus,
  listKeys,
  regenerateServerUrl,
  revokeKey,
  updateServerSettings,
} from "@/server/mcp/server/published-servers";
import { getAppAnnotations, setAppAnnotations } from "@/server/mcp/server/app-annotations";
import { accessModes, setServerAccess } from "@/server/mcp/server/server-access";
import { approvalPolicySchema, setServerApprovalPolicy } from "@/server/mcp/server/approval-policy";
import { listConnectedClients, revokeConnectedClient } from "@/server/authorization-server/connected-clients";
import { createTRPCRouter, idSchema, workspaceProcedure } from "../trpc";

const appInput = z.object({ appId: idSchema });

const hintChoice = z.boolean().nullable().default(null);
// Each hint the owner sets, or null to derive it from the app (server/mcp/server/tool-annotations.ts).
const hintsSchema = z.object({ readOnlyHint: hintChoice, destructiveHint: hintChoice, idempotentHint: hintChoice, openWorldHint: hintChoice }).strict();

const settingsSchema = z.object({
  toolName: z.string().trim().max(64),
  toolDescription: z.string().max(2_000),
  parameterDescriptions: z.record(z.string().max(100), z.string().max(1_000)).default({}),
});

export const publishedServersRouter = createTRPCRouter({
  // The URL is a credential: only those who can change the server may see it.
  get: workspaceProcedure
    .meta({ role: "editor" })
    .input(appInput)
    .query(async ({ ctx, input }) => {
      const ref = { workspaceId: ctx.workspaceId, appId: input.appId };
      const [status, annotations] = await Promise.all([getServerStatus(ref), getAppAnnotations(ref)]);
      return { ...status, annotations };
    }),

  // How clients treat the tool (Claude runs read-only tools without asking): part of the tool's face, like its name.
  setAnnotations: workspaceProcedure
    .meta({ role: "editor" })
    .input(appInput.extend({ hints: hintsSchema }))
    .mutation(({ ctx, input }) => setAppAnnotations({ workspaceId: ctx.workspaceId, appId: input.appId }, input.hints)),

  // The first time, the tool's settings are required; later they may be left out to keep the current ones.
  enable: workspaceProcedure
    .meta({ role: "editor" })
    .input(appInput.extend(settingsSchema.partial().shape))
    .mutation(({ ctx, input }) => {
      const { appId, ...settings } = input;
      const given = settings.toolName !== undefined || settings.toolDescription !== undefined;
      return enableServer(
        { workspaceId: ctx.workspaceId, appId },
        given ? { toolName: settings.toolName ?? "", toolDescription: settings.toolDescription ?? "", parameterDescriptions: settings.parameterDescriptions ?? {} } : null,
      );
    }),

  disable: workspaceProcedure
    .meta({ role: "editor" })
    .input(appInput)
    .mutation(async ({ ctx, input }) => {
      const row = await disableServer({ workspaceId: ctx.workspaceId, appId: input.appId });
      return { enabled: row.enabled };
    }),

  update: workspaceProcedure
    .meta({ role: "editor" })
    .input(appInput.extend(settingsSchema.shape))
    .mutation(async ({ ctx, input }) => {
      const { appId, ...settings } = input;
      await updateServerSettings({ workspaceId: ctx.workspaceId, appId }, settings);
      return { ok: true };
    }),

  regenerate: workspaceProcedure
    .meta({ role: "editor" })
    .input(appInput)
    .mutation(({ ctx, input }) => regenerateServerUrl({ workspaceId: ctx.workspaceId, appId: input.appId })),

  listKeys: workspaceProcedure
    .meta({ role: "editor" })
    .input(appInput)
    .query(({ ctx, input }) => listKeys({ workspaceId: ctx.workspaceId, appId: input.appId })),

  createKey: workspaceProcedure
    .meta({ role: "editor" })
    .input(appInput.extend({ name: z.string().trim().min(1, "Give the key a name.").max(100) }))
    .mutation(({ ctx, input }) => createKey({ workspaceId: ctx.workspaceId, appId: input.appId }, input.name)),

  revokeKey: workspaceProcedure
    .meta({ role: "editor" })
    .input(appInput.extend({ id: idSchema }))
    .mutation(async ({ ctx, input }) => {
      await revokeKey({ workspaceId: ctx.workspaceId, appId: input.appId }, input.id);
      return { ok: true };
    }),

  // Who may call is the workspace's security, not the tool's face: owners and admins decide it.
  setAccess: workspaceProcedure
    .meta({ role: "admin" })
    .input(appInput.extend({ mode: z.enum(accessModes), restricted: z.boolean().optional(), people: z.array(idSchema).max(500).optional() }))
    .mutation(({ ctx, input }) => {
      const { appId, ...choice } = input;
      return setServerAccess({ workspaceId: ctx.workspaceId, appId }, choice);
    }),

  // What tools that ask first do when the caller cannot be asked. Editors may: they already choose, per bound tool,
  // what runs without asking, and this is the same kind of choice for the agent's published face.
  setApprovalPolicy: workspaceProcedure
    .meta({ role: "editor" })
    .input(appInput.extend({ policy: approvalPolicySchema }))
    .mutation(({ ctx, input }) => setServerApprovalPolicy({ workspaceId: ctx.workspaceId, appId: input.appId }, input.policy)),

  // Clients people connected with Switchyard sign-in; revoking only takes access away, so editors may, as with keys.
  listGrants: workspaceProcedure
    .meta({ role: "editor" })
    .input(appInput)
    .query(({ ctx, input }) => listConnectedClients({ workspaceId: ctx.workspaceId, appId: input.appId })),

  revokeGrant: workspaceProcedure
    .meta({ role: "editor" })
    .input(appInput.extend({ grantId: idSchema }))
    .mutation(async ({ ctx, input }) => {
      await revokeConnectedClient({ workspaceId: ctx.workspaceId, appId: input.appId }, input.grantId);
      return { ok: true };
    }),

  // "Will it connect?": the checks Claude's and ChatGPT's connectors make, each with its fix.
  checkConnect: workspaceProcedure
    .meta({ role: "editor" })
    .input(appInput)
    .query(({ ctx, input }) => runConnectCheck({ workspaceId: ctx.workspaceId, appId: input.appId })),

  // Every call that ran this app, through its own server or the workspace server (each row says which).
  listCalls: workspaceProcedure.input(callLogInputSchema.extend(appInput.shape)).query(async ({ ctx, input }) => {
    await getAppOrThrow({ workspaceId: ctx.workspaceId, id: input.appId });
    const { appId, cursor, limit, ...filters } = input;
    return listCallLogs(await getDb(), { workspaceId: ctx.workspaceId, server: { appId }, filters, limit, cursor });
  }),

  // The choices of the Logs page's person and client filters: who called this server with sign-in.
  listCallers: workspaceProcedure.input(appInput).query(async ({ ctx, input }) => {
    await getAppOrThrow({ workspaceId: ctx.workspaceId, id: input.appId });
    return listCallLogCallers(await getDb(), { workspaceId: ctx.workspaceId, server: { appId: input.appId } });
  }),
});

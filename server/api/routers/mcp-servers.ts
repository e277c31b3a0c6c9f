import { z } from "zod";
import { getDb } from "@/server/db";
import { listMcpServers } from "@/server/db/queries/mcp-servers";
import { connectionInputSchema, mcpServerInputSchema } from "@/server/mcp/servers/mcp-server-input";
import {
  appsUsingServer,
  createMcpServer,
  editMcpServer,
  getMcpServerOrThrow,
  removeMcpServer,
  toPublicServer,
} from "@/server/mcp/servers/mcp-servers";
import { applyToolsUpdate, previewToolsUpdate } from "@/server/mcp/servers/server-tools";
import { testFormConnection } from "@/server/mcp/servers/test-form-connection";
import { tryTool } from "@/server/mcp/servers/try-tool";
import { disconnectServer } from "@/server/mcp/oauth/disconnect";
import { myConnections } from "@/server/mcp/oauth/person-connections";
import { tokenOwnerFor } from "@/server/mcp/oauth/token-owner";
import { oauthRedirectUrl } from "@/server/mcp/oauth/redirect-url";
import { startServerAuthorization } from "@/server/mcp/oauth/start-authorization";
import { AppError } from "@/server/errors";
import { changeWorkspaceEndpoints } from "@/server/mcp/server/endpoint-cache";
import { openAppView } from "@/server/mcp/servers/app-view";
import { listServerPrompts, listServerResources, readServerResource } from "@/server/mcp/servers/server-resources";
import { createTRPCRouter, idSchema, workspaceProcedure } from "../trpc";

const byId = z.object({ id: idSchema });

export const mcpServersRouter = createTRPCRouter({
  list: workspaceProcedure.query(async ({ ctx }) =>
    (await listMcpServers(await getDb(), { workspaceId: ctx.workspaceId })).map(toPublicServer),
  ),

  get: workspaceProcedure.input(byId).query(async ({ ctx, input }) => toPublicServer(await getMcpServerOrThrow({ workspaceId: ctx.workspaceId, id: input.id }))),

  usage: workspaceProcedure.input(byId).query(async ({ ctx, input }) => {
    await getMcpServerOrThrow({ workspaceId: ctx.workspaceId, id: input.id });
    return appsUsingServer({ workspaceId: ctx.workspaceId, serverId: input.id });
  }),

  create: workspaceProcedure
    .meta({ role: "editor" })
    .input(mcpServerInputSchema)
    .mutation(async ({ ctx, input }) => toPublicServer(await createMcpServer({ workspaceId: ctx.workspaceId, createdBy: ctx.userId, input }))),

  update: workspaceProcedure
    .meta({ role: "editor" })
    .input(mcpServerInputSchema.extend({ id: idSchema }))
    // Announced: a published agent's description names the per-person servers it cannot use without sign-in.
    .mutation(async ({ ctx, input: { id, ...input } }) =>
      toPublicServer(await changeWorkspaceEndpoints(ctx.workspaceId, () => editMcpServer({ workspaceId: ctx.workspaceId, id, input }))),
    ),

  delete: workspaceProcedure
    .meta({ role: "editor" })
    .input(byId)
    .mutation(async ({ ctx, input }) => {
      // Published agents' tool hints are derived from their servers' stored tools (tool-annotations.ts): announced
      // here, so the MCP client side knows nothing of publishing.
      await changeWorkspaceEndpoints(ctx.workspaceId, () => removeMcpServer({ workspaceId: ctx.workspaceId, id: input.id }));
      return { ok: true };
    }),

  /** Tests a saved server, or a form that is not saved yet (masks keep stored secrets only at the same address). */
  testConnection: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ id: idSchema.optional(), connection: connectionInputSchema, name: z.string().max(60).default("The server") }))
    .mutation(async ({ ctx, input }) => {
      const stored = input.id ? await getMcpServerOrThrow({ workspaceId: ctx.workspaceId, id: input.id }) : null;
      return testFormConnection({ stored, connection: input.connection, name: input.name });
    }),

  previewTools: workspaceProcedure
    .meta({ role: "editor" })
    .input(byId)
    .mutation(async ({ ctx, input }) => previewToolsUpdate(await getMcpServerOrThrow({ workspaceId: ctx.workspaceId, id: input.id }), { userId: ctx.userId })),

  applyTools: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ id: idSchema, token: z.string().min(10).max(200) }))
    .mutation(async ({ ctx, input }) => {
      const server = await getMcpServerOrThrow({ workspaceId: ctx.workspaceId, id: input.id });
      // A tool list that changes may change a published agent's hints (see delete).
      return toPublicServer((await changeWorkspaceEndpoints(ctx.workspaceId, () => applyToolsUpdate(server, input.token)))!);
    }),

  /** The exact redirect URL to register for a custom OAuth client. */
  oauthSettings: workspaceProcedure.query(() => ({ redirectUrl: oauthRedirectUrl() })),

  /** Starts an OAuth authorization; the console opens the returned URL in a popup, or navigates to it. */
  authorize: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ id: idSchema, display: z.enum(["popup", "page"]).default("popup") }))
    .mutation(async ({ ctx, input }) => {
      const server = await getMcpServerOrThrow({ workspaceId: ctx.workspaceId, id: input.id });
      if (!ctx.userId) throw new AppError("forbidden:mcp_oauth", "Authorizing needs a signed-in person, not an API key: the browser finishes the flow.");
      return startServerAuthorization({ server, userId: ctx.userId, display: input.display });
    }),

  /**
   * Forgets the server's tokens (on a per-person server: the caller's own), revoking them first where the
   * authorization server offers revocation.
   */
  disconnect: workspaceProcedure
    .meta({ role: "editor" })
    .input(byId)
    .mutation(async ({ ctx, input }) => {
      const server = await getMcpServerOrThrow({ workspaceId: ctx.workspaceId, id: input.id });
      const { revoked } = await disconnectServer(server, tokenOwnerFor(server, ctx.userId));
      return { revoked, server: toPublicServer((await getMcpServerOrThrow({ workspaceId: ctx.workspaceId, id: input.id })))};
    }),

  /** The caller's own connection to each per-person server of the workspace (status only, never a token). */
  myConnections: workspaceProcedure.query(async ({ ctx }) => (ctx.userId ? myConnections({ workspaceId: ctx.workspaceId, userId: ctx.userId }) : [])),

  /** Any member connects their own account to a per-person server; the console opens the URL as for Authorize. */
  connectMine: workspaceProcedure
    .meta({ role: "member" })
    .input(z.object({ id: idSchema, display: z.enum(["popup", "page"]).default("popup") }))
    .mutation(async ({ ctx, input }) => {
      const server = await getPerPersonServer(ctx.workspaceId, input.id);
      if (!ctx.userId) throw new AppError("forbidden:mcp_oauth", "Connecting your account needs a signed-in person, not an API key.");
      return startServerAuthorization({ server, userId: ctx.userId, display: input.display });
    }),

  /** Any member forgets (and revokes) their own tokens for a per-person server. */
  disconnectMine: workspaceProcedure
    .meta({ role: "member" })
    .input(byId)
    .mutation(async ({ ctx, input }) => {
      const server = await getPerPersonServer(ctx.workspaceId, input.id);
      return disconnectServer(server, tokenOwnerFor(server, ctx.userId));
    }),

  callTool: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ id: idSchema, name: z.string().min(1).max(200), arguments: z.record(z.string(), z.unknown()).default({}) }))
    .mutation(async ({ ctx, input }) => {
      const server = await getMcpServerOrThrow({ workspaceId: ctx.workspaceId, id: input.id });
      return tryTool(server, { name: input.name, args: input.arguments, userId: ctx.userId });
    }),

  /** An MCP App a tool result points to, read from the server and handed back as a URL for a sandboxed frame. */
  openApp: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ id: idSchema, uri: z.string().startsWith("ui://").max(2048) }))
    .mutation(async ({ ctx, input }) => openAppView(await getMcpServerOrThrow({ workspaceId: ctx.workspaceId, id: input.id }), input.uri)),

  /** The server's resources and prompts, for browsing on its sheet; each call connects with the stored settings. */
  resources: workspaceProcedure
    .meta({ role: "editor" })
    .input(byId)
    .query(async ({ ctx, input }) => listServerResources(await getMcpServerOrThrow({ workspaceId: ctx.workspaceId, id: input.id }))),
  readResource: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ id: idSchema, uri: z.string().min(1).max(2048) }))
    .query(async ({ ctx, input }) => readServerResource(await getMcpServerOrThrow({ workspaceId: ctx.workspaceId, id: input.id }), input.uri)),
  prompts: workspaceProcedure
    .meta({ role: "editor" })
    .input(byId)
    .query(async ({ ctx, input }) => listServerPrompts(await getMcpServerOrThrow({ workspaceId: ctx.workspaceId, id: input.id }))),
});

async function getPerPersonServer(workspaceId: string, id: string) {
  const server = await getMcpServerOrThrow({ workspaceId, id });
  if (server.credentialScope !== "per_person") {
    throw new AppError("bad_request:mcp_oauth", `${server.name} has one shared connection for the workspace. An editor connects it with Authorize.`);
  }
  return server;
}

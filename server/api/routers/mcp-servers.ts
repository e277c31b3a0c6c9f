import { z } from "zod";
import { getDb } from "@/server/db";
import { listMcpServers } from "@/server/db/queries/mcp-servers";
import { openHeaders } from "@/server/mcp/servers/headers";
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
import { testConnection } from "@/server/mcp/servers/test-connection";
import { tryTool } from "@/server/mcp/servers/try-tool";
import { isMasked } from "@/server/crypto/secret-box";
import { AppError } from "@/server/errors";
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
    .mutation(async ({ ctx, input: { id, ...input } }) => toPublicServer(await editMcpServer({ workspaceId: ctx.workspaceId, id, input }))),

  delete: workspaceProcedure
    .meta({ role: "editor" })
    .input(byId)
    .mutation(async ({ ctx, input }) => {
      await removeMcpServer({ workspaceId: ctx.workspaceId, id: input.id });
      return { ok: true };
    }),

  /** Tests a saved server, or a form that is not saved yet (masked header values fall back to the stored ones). */
  testConnection: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ id: idSchema.optional(), connection: connectionInputSchema, name: z.string().max(60).default("The server") }))
    .mutation(async ({ ctx, input }) => {
      const stored = input.id ? await getMcpServerOrThrow({ workspaceId: ctx.workspaceId, id: input.id }) : null;
      const storedHeaders = stored ? openHeaders(stored.id, stored.headers) : {};
      const headers: Record<string, string> = {};
      for (const { name, value } of input.connection.headers) {
        const kept = Object.entries(storedHeaders).find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
        if (isMasked(value) && kept === undefined) throw new AppError("bad_request:mcp_server", `Enter the value of the header ${name} again.`);
        headers[name] = isMasked(value) ? kept! : value;
      }
      const outcome = await testConnection({ ...input.connection, headers, name: input.name });
      return { ...outcome, tools: outcome.tools.map((t) => ({ name: t.name, description: t.description })) };
    }),

  previewTools: workspaceProcedure
    .meta({ role: "editor" })
    .input(byId)
    .mutation(async ({ ctx, input }) => previewToolsUpdate(await getMcpServerOrThrow({ workspaceId: ctx.workspaceId, id: input.id }))),

  applyTools: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ id: idSchema, token: z.string().min(10).max(200) }))
    .mutation(async ({ ctx, input }) => {
      const server = await getMcpServerOrThrow({ workspaceId: ctx.workspaceId, id: input.id });
      return toPublicServer((await applyToolsUpdate(server, input.token))!);
    }),

  callTool: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ id: idSchema, name: z.string().min(1).max(200), arguments: z.record(z.string(), z.unknown()).default({}) }))
    .mutation(async ({ ctx, input }) => {
      const server = await getMcpServerOrThrow({ workspaceId: ctx.workspaceId, id: input.id });
      return tryTool(server, { name: input.name, args: input.arguments });
    }),
});

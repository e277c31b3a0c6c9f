// Workflow and chatflow apps' runs in the console: run the draft (Debug & Preview), read a run's trace, stop it,
// and check the draft's graph.
import { z } from "zod";
import { appConfigSchema } from "@/server/apps/app-config";
import { getAppOrThrow } from "@/server/apps/apps";
import { AppError } from "@/server/errors";
import { checkGraph } from "@/server/workflows/check-graph";
import { toolOutputSchemas } from "@/server/workflows/tool-output-schemas";
import { getDb } from "@/server/db";
import { listConversationRuns } from "@/server/db/queries/workflow-runs";
import { maxEditedOutputsChars, rerunWorkflowFrom } from "@/server/workflows/rerun-from-node";
import { getWorkflowRun, startWorkflowRun, stopWorkflowRun } from "@/server/workflows/workflow-runs";
import { createTRPCRouter, idSchema, workspaceProcedure } from "../trpc";

async function workflowAppOrThrow(workspaceId: string, appId: string) {
  const app = await getAppOrThrow({ workspaceId, id: appId });
  if (app.type !== "workflow" && app.type !== "chatflow") throw new AppError("bad_request:workflow", "This app is not a workflow or a chatflow.");
  return { app, mode: app.type, config: appConfigSchema.parse(app.draft) };
}

export const workflowsRouter = createTRPCRouter({
  runDraft: workspaceProcedure
    .meta({ role: "editor" })
    .input(
      z.object({
        appId: idSchema,
        inputs: z.record(z.string().max(100), z.unknown()).default({}),
        query: z.string().max(100_000).optional(),
        conversationId: idSchema.nullish(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { mode, config } = await workflowAppOrThrow(ctx.workspaceId, input.appId);
      return startWorkflowRun({
        workspaceId: ctx.workspaceId,
        appId: input.appId,
        appVersionId: null,
        config,
        mode,
        inputs: input.inputs,
        query: input.query,
        conversationId: input.conversationId ?? null,
        source: "debug",
        userId: ctx.userId,
      });
    }),

  // Like conversations.get: any member who can read the app's logs reads its runs.
  getRun: workspaceProcedure.input(z.object({ runId: idSchema })).query(async ({ ctx, input }) => {
    const run = await getWorkflowRun({ workspaceId: ctx.workspaceId, runId: input.runId });
    if (!run) throw new AppError("not_found:workflow_run", "This workflow run does not exist or was deleted.");
    return run;
  }),

  // A new draft run that keeps the earlier run's nodes before `nodeId`, with the edited outputs in place of theirs.
  rerunFrom: workspaceProcedure
    .meta({ role: "editor" })
    .input(
      z.object({
        appId: idSchema,
        runId: idSchema,
        nodeId: z.string().min(1).max(100),
        outputs: z
          .record(z.string().max(100), z.record(z.string().max(100), z.unknown()))
          .default({})
          .refine((value) => JSON.stringify(value).length <= maxEditedOutputsChars, "The edited outputs are too long."),
      }),
    )
    .mutation(({ ctx, input }) => rerunWorkflowFrom({ workspaceId: ctx.workspaceId, ...input, userId: ctx.userId })),

  // Like conversations.get: the Logs page shows each run of a conversation with its per-node trace.
  listRuns: workspaceProcedure
    .input(z.object({ conversationId: idSchema }))
    .query(async ({ ctx, input }) => listConversationRuns(await getDb(), { workspaceId: ctx.workspaceId, conversationId: input.conversationId })),

  stopRun: workspaceProcedure
    .meta({ role: "editor" })
    .input(z.object({ runId: idSchema }))
    .mutation(({ ctx, input }) => stopWorkflowRun({ workspaceId: ctx.workspaceId, runId: input.runId })),

  check: workspaceProcedure.input(z.object({ appId: idSchema })).query(async ({ ctx, input }) => {
    const { mode, config } = await workflowAppOrThrow(ctx.workspaceId, input.appId);
    if (!config.workflow) return [];
    const toolOutputSchema = await toolOutputSchemas({ workspaceId: ctx.workspaceId, graph: config.workflow });
    return checkGraph(config.workflow, { mode, variables: config.variables, toolOutputSchema });
  }),
});

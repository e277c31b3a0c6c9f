import { z } from "zod";
import { getDb } from "@/server/db";
import { listModelProviders } from "@/server/db/queries/model-providers";
import { getDefaultModel, setDefaultModel } from "@/server/llm/default-model";
import {
  createModelProvider,
  editModelProvider,
  getModelProviderOrThrow,
  removeModelProvider,
  toPublicProvider,
} from "@/server/llm/model-providers";
import { modelIdSchema, providerInputSchema, providerModelsSchema } from "@/server/llm/provider-input";
import { checkProviderInput } from "@/server/llm/check-provider-input";
import { refreshProviderModels, saveModels, testModelProvider } from "@/server/llm/provider-models";
import { createTRPCRouter, idSchema, workspaceProcedure } from "../trpc";

const byId = z.object({ id: idSchema });
/** Shorter than the 15 s default, for scripts and tests that expect a dead endpoint. */
const timeoutMsSchema = z.number().int().min(100).max(15_000).optional();

export const modelProvidersRouter = createTRPCRouter({
  list: workspaceProcedure.query(async ({ ctx }) =>
    (await listModelProviders(await getDb(), { workspaceId: ctx.workspaceId })).map(toPublicProvider),
  ),

  get: workspaceProcedure
    .input(byId)
    .query(async ({ ctx, input }) => toPublicProvider(await getModelProviderOrThrow({ workspaceId: ctx.workspaceId, id: input.id }))),

  create: workspaceProcedure
    .meta({ role: "admin" })
    .input(providerInputSchema)
    .mutation(async ({ ctx, input }) => toPublicProvider(await createModelProvider({ workspaceId: ctx.workspaceId, input }))),

  /** A masked apiKey (as list returns it) keeps the stored key. */
  update: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.intersection(byId, providerInputSchema))
    .mutation(async ({ ctx, input: { id, ...input } }) =>
      toPublicProvider(await editModelProvider({ workspaceId: ctx.workspaceId, id, input })),
    ),

  delete: workspaceProcedure
    .meta({ role: "admin" })
    .input(byId)
    .mutation(async ({ ctx, input }) => {
      await removeModelProvider({ workspaceId: ctx.workspaceId, id: input.id });
      return { ok: true };
    }),

  /** Checks the saved key with one minimal request; with a model, a 1-token completion with that model. */
  test: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ id: idSchema, model: modelIdSchema.optional(), timeoutMs: timeoutMsSchema }))
    .mutation(async ({ ctx, input }) => testModelProvider({ workspaceId: ctx.workspaceId, ...input })),

  /**
   * The form's values, before they are saved: the dialog tests first and saves an unreachable provider only on
   * purpose. With `id`, a masked key stands for that provider's saved key. Same answer as `test`.
   */
  check: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.intersection(z.object({ id: idSchema.optional(), timeoutMs: timeoutMsSchema }), providerInputSchema))
    .mutation(async ({ ctx, input: { id, timeoutMs, ...input } }) => checkProviderInput({ workspaceId: ctx.workspaceId, id, input, timeoutMs })),

  /**
   * A provider that cannot list its models is an answer, not a failure of the request: `{ ok: false, error }` with
   * the provider unchanged (nothing saved), `{ ok: true, provider }` with the new list.
   */
  refreshModels: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ id: idSchema, timeoutMs: timeoutMsSchema }))
    .mutation(async ({ ctx, input }) => refreshProviderModels({ workspaceId: ctx.workspaceId, ...input })),

  updateModels: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ id: idSchema, models: providerModelsSchema }))
    .mutation(async ({ ctx, input }) => toPublicProvider(await saveModels({ workspaceId: ctx.workspaceId, ...input }))),

  getDefaultModel: workspaceProcedure.query(async ({ ctx }) => getDefaultModel({ workspaceId: ctx.workspaceId })),

  /** null clears it. New apps start with this model. */
  setDefaultModel: workspaceProcedure
    .meta({ role: "admin" })
    .input(z.object({ providerId: idSchema, model: modelIdSchema }).nullable())
    .mutation(async ({ ctx, input }) => setDefaultModel({ workspaceId: ctx.workspaceId, choice: input })),
});

// Model providers of a workspace: create, edit, remove, and what the console may see of them (never the key).
import "server-only";
import { keepMaskedSecrets, maskedField } from "@/server/crypto/keep-masked-secret";
import { getDb } from "@/server/db";
import { isUniqueViolation } from "@/server/db/is-unique-violation";
import {
  deleteModelProvider,
  getModelProvider,
  insertModelProvider,
  setWorkspaceDefaultModel,
  updateModelProvider,
} from "@/server/db/queries/model-providers";
import type { ModelProvider, ProviderModel } from "@/server/db/schema";
import { AppError, toAppError } from "@/server/errors";
import { changeWorkspaceEndpoints } from "@/server/mcp/server/endpoint-cache";
import { modelVision } from "./model-vision";
import { assertProviderAddress } from "./provider-address";
import { maskProviderKey, sealProviderKey } from "./provider-key";
import { resolveBaseUrl } from "./provider-kinds";
import type { ProviderInput } from "./provider-input";

export function toPublicProvider(provider: ModelProvider) {
  let apiKey: string | null;
  try {
    apiKey = maskProviderKey(provider);
  } catch (error) {
    // A key sealed with a key id that was since removed: still list the provider, so it can be fixed.
    toAppError(error);
    apiKey = "••••••••";
  }
  const { id, kind, name, baseUrl, models, createdAt, updatedAt } = provider;
  // Lists saved before the vision flag show its default, as a run would use it.
  return { id, kind, name, baseUrl, apiKey, models: models.map((m) => ({ ...m, vision: modelVision(m) })), createdAt, updatedAt };
}

export type PublicModelProvider = ReturnType<typeof toPublicProvider>;

export async function getModelProviderOrThrow({ workspaceId, id }: { workspaceId: string; id: string }) {
  const provider = await getModelProvider(await getDb(), { workspaceId, id });
  if (!provider) throw new AppError("not_found:model_provider", "This model provider does not exist or was removed.");
  return provider;
}

export async function createModelProvider({ workspaceId, input, models = [] }: { workspaceId: string; input: ProviderInput; models?: ProviderModel[] }) {
  keepMaskedSecrets({ from: null, to: resolveBaseUrl(input.kind, input.baseUrl), owner: "the provider's", code: "bad_request:model_provider" }, [
    maskedField("API key", input.apiKey, null),
  ]);
  await assertProviderAddress(input);
  // The id is chosen first: it is part of the key's sealing context.
  const id = crypto.randomUUID();
  const apiKeyCiphertext = input.apiKey ? sealProviderKey(id, input.apiKey) : null;
  try {
    return await insertModelProvider(await getDb(), { id, workspaceId, kind: input.kind, name: input.name, baseUrl: input.baseUrl, apiKeyCiphertext, models });
  } catch (error) {
    throw uniqueNameError(error, input.name);
  }
}

export async function editModelProvider({ workspaceId, id, input }: { workspaceId: string; id: string; input: ProviderInput }) {
  const existing = await getModelProviderOrThrow({ workspaceId, id });
  // The one masked-secret rule: a masked key is kept only while requests go to the origin it was entered for.
  const [kept] = keepMaskedSecrets(
    { from: resolveBaseUrl(existing.kind, existing.baseUrl), to: resolveBaseUrl(input.kind, input.baseUrl), owner: "the provider's", code: "bad_request:model_provider" },
    [maskedField("API key", input.apiKey, existing.apiKeyCiphertext)],
  );
  await assertProviderAddress(input);
  const apiKeyCiphertext = kept ?? (input.apiKey ? sealProviderKey(id, input.apiKey) : null);
  try {
    // Published apps carry their provider in the endpoint cache: the change must reach them at their next call.
    const updated = await changeWorkspaceEndpoints(workspaceId, (db) =>
      updateModelProvider(db, { workspaceId, id, kind: input.kind, name: input.name, baseUrl: input.baseUrl, apiKeyCiphertext }),
    );
    if (!updated) throw new AppError("not_found:model_provider", "This model provider does not exist or was removed.");
    return updated;
  } catch (error) {
    throw uniqueNameError(error, input.name);
  }
}

/** Removes the provider and, in the same transaction, the workspace default if it pointed at it. */
export async function removeModelProvider({ workspaceId, id }: { workspaceId: string; id: string }) {
  const removed = await changeWorkspaceEndpoints(workspaceId, (db) =>
    db.transaction(async (tx) => {
      if (!(await deleteModelProvider(tx, { workspaceId, id }))) return false;
      await setWorkspaceDefaultModel(tx, { workspaceId, providerId: null, model: null, onlyIfProviderId: id });
      return true;
    }),
  );
  if (!removed) throw new AppError("not_found:model_provider", "This model provider does not exist or was removed.");
}

function uniqueNameError(error: unknown, name: string) {
  if (isUniqueViolation(error)) return new AppError("conflict:model_provider", `Another provider is already named "${name}".`);
  return error;
}

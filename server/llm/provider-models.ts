// A saved provider's model list and its "Test" button: the key is opened here, used for one request, and dropped.
import "server-only";
import { updateModelProvider } from "@/server/db/queries/model-providers";
import type { ModelProvider, ProviderModel } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { changeWorkspaceEndpoints } from "@/server/mcp/server/endpoint-cache";
import { listModels } from "./list-models";
import { modelVision } from "./model-vision";
import { getModelProviderOrThrow, toPublicProvider, type PublicModelProvider } from "./model-providers";
import { openProviderKey } from "./provider-key";
import { testProvider, type ProviderTestResult } from "./test-provider";

function connectionOf(provider: ModelProvider) {
  return { kind: provider.kind, name: provider.name, baseUrl: provider.baseUrl, apiKey: openProviderKey(provider), models: provider.models };
}

export async function testModelProvider({
  workspaceId,
  id,
  model,
  timeoutMs,
}: {
  workspaceId: string;
  id: string;
  model?: string;
  timeoutMs?: number;
}): Promise<ProviderTestResult> {
  const provider = await getModelProviderOrThrow({ workspaceId, id });
  return testProvider(connectionOf(provider), { model, timeoutMs });
}

export type RefreshModelsResult = { ok: true; provider: PublicModelProvider } | { ok: false; error: string; provider: PublicModelProvider };

/**
 * Replaces the list with the provider's own, keeping the tool-calling and vision flags of every model the user already had.
 * A provider that cannot list (unreachable, wrong key, no list) is an expected outcome: ok false, nothing saved.
 */
export async function refreshProviderModels({ workspaceId, id, timeoutMs }: { workspaceId: string; id: string; timeoutMs?: number }): Promise<RefreshModelsResult> {
  const provider = await getModelProviderOrThrow({ workspaceId, id });
  let fetched: ProviderModel[];
  try {
    fetched = await listModels(connectionOf(provider), { timeoutMs });
  } catch (error) {
    if (error instanceof AppError && error.code === "bad_request:model_provider") return { ok: false, error: error.publicMessage, provider: toPublicProvider(provider) };
    throw error;
  }
  const kept = new Map(provider.models.map((m) => [m.id, m]));
  const models = fetched.map((m) => ({ id: m.id, toolCalling: kept.get(m.id)?.toolCalling ?? m.toolCalling, vision: kept.get(m.id)?.vision ?? m.vision }));
  return { ok: true, provider: toPublicProvider(await saveModels({ workspaceId, id, models })) };
}

/** Every model is stored with its vision flag (the default for its id when none is given). */
export async function saveModels({ workspaceId, id, models }: { workspaceId: string; id: string; models: ProviderModel[] }) {
  const flagged = models.map((m) => ({ ...m, vision: modelVision(m) }));
  // The vision flag decides what published apps send their model, so their cached endpoints must see the change.
  const updated = await changeWorkspaceEndpoints(workspaceId, (db) => updateModelProvider(db, { workspaceId, id, models: flagged }));
  if (!updated) throw new AppError("not_found:model_provider", "This model provider does not exist or was removed.");
  return updated;
}

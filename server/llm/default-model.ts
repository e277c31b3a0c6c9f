// System model settings: the provider and model new apps start with.
import "server-only";
import { getDb } from "@/server/db";
import { getModelProvider, getWorkspaceDefaultModel, setWorkspaceDefaultModel } from "@/server/db/queries/model-providers";
import { AppError } from "@/server/errors";
import { getModelProviderOrThrow } from "./model-providers";

export interface DefaultModel {
  providerId: string;
  model: string;
  providerName: string | null;
  /** False when the provider was changed since and no longer lists the model. */
  available: boolean;
  toolCalling: boolean;
}

export async function getDefaultModel({ workspaceId }: { workspaceId: string }): Promise<DefaultModel | null> {
  const db = await getDb();
  const choice = await getWorkspaceDefaultModel(db, { workspaceId });
  if (!choice) return null;
  const provider = await getModelProvider(db, { workspaceId, id: choice.providerId });
  const model = provider?.models.find((m) => m.id === choice.model);
  return { ...choice, providerName: provider?.name ?? null, available: Boolean(model), toolCalling: model?.toolCalling ?? false };
}

/** null clears the default; otherwise the model must be one the provider lists. */
export async function setDefaultModel({ workspaceId, choice }: { workspaceId: string; choice: { providerId: string; model: string } | null }) {
  if (choice) {
    const provider = await getModelProviderOrThrow({ workspaceId, id: choice.providerId });
    if (!provider.models.some((m) => m.id === choice.model)) {
      throw new AppError("bad_request:model_provider", `${provider.name} does not list "${choice.model}". Add the model to the provider first.`);
    }
  }
  await setWorkspaceDefaultModel(await getDb(), { workspaceId, providerId: choice?.providerId ?? null, model: choice?.model ?? null });
  return getDefaultModel({ workspaceId });
}

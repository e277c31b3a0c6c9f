// A workspace whose owner added an OpenAI-compatible provider pointing at the fake model API (fake-model-api.ts),
// for the model provider suites.
import { getDb } from "@/server/db";
import { getModelProvider } from "@/server/db/queries/model-providers";
import { languageModelFor } from "@/server/llm/get-language-model";
import { callerAs, createOwner } from "./fixtures";
import type { FakeModelApi } from "./fake-model-api";

export const goodKey = "sk-live-7f3c9a1b2d4e6f80";
export const wrongKey = "sk-wrong-0a9b8c7d6e5f4321";
export const models = ["deepseek-chat", "gpt-4o-mini", "qwen-plus"];

export async function workspaceWithProvider(
  api: FakeModelApi,
  overrides: { apiKey?: string; baseUrl?: string; kind?: "openai" | "anthropic" | "openai_compatible" } = {},
) {
  const { user, workspace } = await createOwner();
  const owner = callerAs(user.id, workspace.id);
  const provider = await owner.modelProviders.create({ kind: "openai_compatible", name: "DeepSeek", baseUrl: api.baseUrl, apiKey: goodKey, ...overrides });
  return { user, workspace, owner, provider };
}

/** The model a run builds: the provider row as read now, then the (cached) model. */
export async function getLanguageModel({ workspaceId, providerId, model }: { workspaceId: string; providerId: string; model: string }) {
  return languageModelFor(await getModelProvider(await getDb(), { workspaceId, id: providerId }), model);
}

// The model an app runs on, built through the AI SDK from a workspace's stored provider (key opened here only).
import "server-only";
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import type { ModelProvider, ProviderKind } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { providerFetch } from "./provider-fetch";
import { openProviderKey } from "./provider-key";
import { providerKinds, resolveBaseUrl } from "./provider-kinds";

/** A provider with its key in the clear: held in memory only, by the built model (see the cache below). */
export interface ProviderConnection {
  kind: ProviderKind;
  name: string;
  baseUrl: string | null;
  apiKey: string | null;
}

export function createLanguageModel(connection: ProviderConnection, model: string): LanguageModel {
  const { kind, name } = connection;
  // Always explicit: the SDKs would otherwise fall back to OPENAI_BASE_URL / ANTHROPIC_API_KEY from the server's env.
  const baseURL = resolveBaseUrl(kind, connection.baseUrl);
  const apiKey = connection.apiKey ?? undefined;
  if (!baseURL) throw new AppError("bad_request:model_provider", `${name} has no base URL. Edit the provider and add one.`);
  if (providerKinds[kind].keyRequired && !apiKey) {
    throw new AppError("bad_request:model_provider", `${name} has no API key. Edit the provider and add one.`);
  }
  switch (kind) {
    case "openai":
      // Chat completions rather than the responses API: OpenAI-compatible proxies behave the same way.
      return createOpenAI({ apiKey, baseURL, fetch: providerFetch }).chat(model);
    case "anthropic":
      return createAnthropic({ apiKey, baseURL, fetch: providerFetch }).languageModel(model);
    case "openai_compatible":
      // includeUsage asks for the final usage chunk, so token counts are stored for streamed answers too.
      return createOpenAICompatible({ name, baseURL, apiKey, includeUsage: true, fetch: providerFetch }).chatModel(model);
  }
}

// Built models, reused while the provider row they came from is unchanged. Building one costs more than a call's
// own work (the AI SDK makes new zod schemas per model, and zod walks each on its first parse), and a model is
// stateless between calls. The key is the row's content, its sealed key included, so any edit makes a new entry;
// the row itself is still read for every call, so a deleted provider stops at once. Entries age out so a key in
// the clear is not held in memory long after its last use.
const maxModels = 200;
const maxModelAgeMs = 10 * 60_000;
const models = new Map<string, { model: LanguageModel; builtAt: number }>();

/** What a model is built from: a provider row, or the same columns read with another query (the MCP endpoint's). */
export type ProviderSource = Pick<ModelProvider, "id" | "kind" | "name" | "baseUrl" | "apiKeyCiphertext">;

function buildLanguageModel(provider: ProviderSource, model: string): LanguageModel {
  const key = JSON.stringify([provider.id, provider.kind, provider.name, provider.baseUrl, provider.apiKeyCiphertext, model]);
  const cached = models.get(key);
  if (cached && Date.now() - cached.builtAt < maxModelAgeMs) return cached.model;
  const built = createLanguageModel({ ...provider, apiKey: openProviderKey(provider) }, model);
  models.delete(key);
  models.set(key, { model: built, builtAt: Date.now() });
  // Oldest first in a Map: drop it beyond the bound.
  if (models.size > maxModels) models.delete(models.keys().next().value!);
  return built;
}

/** The model of a provider the caller has read (null: it was removed). */
export function languageModelFor(provider: ProviderSource | null, model: string): LanguageModel {
  if (!provider) {
    throw new AppError("not_found:model_provider", "This app's model provider was removed. Choose another model in the editor.");
  }
  return buildLanguageModel(provider, model);
}

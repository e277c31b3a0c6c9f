// The three kinds of model provider: how each is labelled, where its API lives, and what it needs to connect.
import type { ProviderKind } from "@/server/db/schema";

export interface ProviderKindInfo {
  label: string;
  /** Used when the provider has no base URL of its own; null when the user must give one. */
  defaultBaseUrl: string | null;
  keyRequired: boolean;
}

/** The most models one provider keeps (OpenRouter lists a few hundred). */
export const maxModels = 500;

export const providerKinds: Record<ProviderKind, ProviderKindInfo> = {
  openai: { label: "OpenAI", defaultBaseUrl: "https://api.openai.com/v1", keyRequired: true },
  anthropic: { label: "Anthropic", defaultBaseUrl: "https://api.anthropic.com/v1", keyRequired: true },
  // A local Ollama or vLLM usually runs without a key.
  openai_compatible: { label: "OpenAI-compatible", defaultBaseUrl: null, keyRequired: false },
};

/** The API root requests go to, without a trailing slash; null when a compatible provider has none. */
export function resolveBaseUrl(kind: ProviderKind, baseUrl: string | null | undefined): string | null {
  const url = baseUrl?.trim() || providerKinds[kind].defaultBaseUrl;
  return url ? url.replace(/\/+$/, "") : null;
}

// "Test": one real, minimal request with the provider's key. Listing models costs nothing, so it is the first
// choice; a 1-token completion checks a given model, or stands in where the API has no model list.
import "server-only";
import { generateText } from "ai";
import type { ProviderModel } from "@/server/db/schema";
import { createLanguageModel, type ProviderConnection } from "./get-language-model";
import { providerKinds, resolveBaseUrl } from "./provider-kinds";
import { defaultTimeoutMs, describeProviderFailure, providerGet, ProviderHttpError } from "./provider-request";

export interface ProviderTestResult {
  ok: boolean;
  latencyMs: number;
  /** The provider's own message, "Could not reach <host>", or "Timed out after N s"; never the key. */
  error?: string;
}

export async function testProvider(
  connection: ProviderConnection & { models?: ProviderModel[] },
  { model, timeoutMs = defaultTimeoutMs }: { model?: string; timeoutMs?: number } = {},
): Promise<ProviderTestResult> {
  const baseUrl = resolveBaseUrl(connection.kind, connection.baseUrl);
  if (!baseUrl) return { ok: false, latencyMs: 0, error: "Add a base URL first." };
  if (providerKinds[connection.kind].keyRequired && !connection.apiKey) return { ok: false, latencyMs: 0, error: "Add an API key first." };

  const signal = AbortSignal.timeout(timeoutMs);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const generate = async (modelId: string) => {
    await generateText({
      model: createLanguageModel(connection, modelId),
      prompt: "Reply with OK.",
      maxOutputTokens: 1,
      maxRetries: 0,
      abortSignal: signal,
    });
  };

  try {
    if (model) {
      await generate(model);
    } else {
      try {
        await providerGet({ kind: connection.kind, baseUrl, apiKey: connection.apiKey }, connection.kind === "anthropic" ? "/models?limit=1" : "/models", signal);
      } catch (error) {
        const noList = error instanceof ProviderHttpError && (error.status === 404 || error.status === 405);
        if (!noList) throw error;
        const fallback = connection.models?.[0]?.id;
        if (!fallback) return { ok: false, latencyMs: elapsed(), error: "This provider does not list its models. Add a model, then test again." };
        await generate(fallback);
      }
    }
    return { ok: true, latencyMs: elapsed() };
  } catch (error) {
    return { ok: false, latencyMs: elapsed(), error: describeProviderFailure(error, { url: baseUrl, apiKey: connection.apiKey, signal, timeoutMs }) };
  }
}

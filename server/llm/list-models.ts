// The models a provider offers, from its own list: GET {baseURL}/models for OpenAI and compatible servers
// (https://platform.openai.com/docs/api-reference/models/list), GET /v1/models for Anthropic
// (https://docs.anthropic.com/en/api/models-list, paged with after_id).
import "server-only";
import type { ProviderModel } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import type { ProviderConnection } from "./get-language-model";
import { defaultVision } from "./model-vision";
import { maxModels, resolveBaseUrl } from "./provider-kinds";
import { defaultTimeoutMs, describeProviderFailure, providerGet, ProviderHttpError, type ProviderEndpoint } from "./provider-request";

// OpenAI's list includes embedding, audio and image models that cannot chat; compatible servers list what they serve.
const notChatModel = /embedding|whisper|tts|dall-e|moderation|davinci|babbage|transcribe|realtime|audio|image|sora/i;

interface ModelPage {
  data?: Array<{ id?: unknown; name?: unknown }>;
  models?: Array<{ id?: unknown; name?: unknown }>;
  has_more?: boolean;
  last_id?: string;
}

function idsOf(page: ModelPage): string[] {
  const entries = Array.isArray(page?.data) ? page.data : Array.isArray(page?.models) ? page.models : null;
  if (!entries) throw new ProviderHttpError(200, "", "");
  return entries.map((m) => m?.id ?? m?.name).filter((id): id is string => typeof id === "string" && id.length > 0 && id.length <= 200);
}

async function fetchIds(endpoint: ProviderEndpoint, signal: AbortSignal): Promise<string[]> {
  if (endpoint.kind !== "anthropic") return idsOf((await providerGet(endpoint, "/models", signal)) as ModelPage);
  const ids: string[] = [];
  for (let after: string | undefined; ids.length < maxModels; ) {
    const query = `?limit=1000${after ? `&after_id=${encodeURIComponent(after)}` : ""}`;
    const page = (await providerGet(endpoint, `/models${query}`, signal)) as ModelPage;
    ids.push(...idsOf(page));
    if (!page.has_more || !page.last_id) break;
    after = page.last_id;
  }
  return ids;
}

/** Every model the provider lists, tool calling assumed and vision guessed from the id (the user can switch either). */
export async function listModels(
  connection: Omit<ProviderConnection, "name">,
  { timeoutMs = defaultTimeoutMs }: { timeoutMs?: number } = {},
): Promise<ProviderModel[]> {
  const baseUrl = resolveBaseUrl(connection.kind, connection.baseUrl);
  if (!baseUrl) throw new AppError("bad_request:model_provider", "Add a base URL first.");
  const endpoint = { kind: connection.kind, baseUrl, apiKey: connection.apiKey };
  const signal = AbortSignal.timeout(timeoutMs);
  let ids: string[];
  try {
    ids = await fetchIds(endpoint, signal);
  } catch (error) {
    if (error instanceof ProviderHttpError && (error.status === 404 || error.status === 405)) {
      throw new AppError("bad_request:model_provider", `${new URL(baseUrl).host} does not offer a model list. Add models by id instead.`);
    }
    const message = describeProviderFailure(error, { url: baseUrl, apiKey: connection.apiKey, signal, timeoutMs });
    throw new AppError("bad_request:model_provider", message);
  }
  const chat = connection.kind === "openai" ? ids.filter((id) => !notChatModel.test(id)) : ids;
  return [...new Set(chat)]
    .sort((a, b) => a.localeCompare(b))
    .slice(0, maxModels)
    .map((id) => ({ id, toolCalling: true, vision: defaultVision(id) }));
}

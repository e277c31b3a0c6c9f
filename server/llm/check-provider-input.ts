// "Test before saving": the form's provider, saved or not, checked with the same one request as the Test button.
// A masked key stands for the saved one only while the address keeps its origin (the rule save applies too).
import "server-only";
import { keepMaskedSecrets, maskedField } from "@/server/crypto/keep-masked-secret";
import { getModelProviderOrThrow } from "./model-providers";
import { assertProviderAddress } from "./provider-address";
import type { ProviderInput } from "./provider-input";
import { openProviderKey } from "./provider-key";
import { resolveBaseUrl } from "./provider-kinds";
import { testProvider, type ProviderTestResult } from "./test-provider";

export async function checkProviderInput({
  workspaceId,
  id,
  input,
  timeoutMs,
}: {
  workspaceId: string;
  /** The provider being edited, whose saved key a masked key stands for. */
  id?: string;
  input: ProviderInput;
  timeoutMs?: number;
}): Promise<ProviderTestResult> {
  const existing = id ? await getModelProviderOrThrow({ workspaceId, id }) : null;
  const from = existing ? resolveBaseUrl(existing.kind, existing.baseUrl) : null;
  const [kept] = keepMaskedSecrets({ from, to: resolveBaseUrl(input.kind, input.baseUrl), owner: "the provider's", code: "bad_request:model_provider" }, [
    maskedField("API key", input.apiKey, existing?.apiKeyCiphertext ?? null),
  ]);
  await assertProviderAddress(input);
  const apiKey = kept && existing ? openProviderKey({ id: existing.id, apiKeyCiphertext: kept }) : input.apiKey;
  return testProvider({ kind: input.kind, name: input.name, baseUrl: input.baseUrl, apiKey, models: existing?.models }, { timeoutMs });
}

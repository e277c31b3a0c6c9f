// A provider's API key at rest: sealed with the provider id as context, so a ciphertext copied to another row fails to open.
import "server-only";
import { maskSecret, openSecret, sealSecret } from "@/server/crypto/secret-box";
import type { ModelProvider } from "@/server/db/schema";

/** The key is sealed with the provider id as associated data. */
export const providerKeyAad = (providerId: string) => providerId;

export function sealProviderKey(providerId: string, apiKey: string): string {
  return sealSecret(apiKey, providerKeyAad(providerId));
}

export function openProviderKey(provider: Pick<ModelProvider, "id" | "apiKeyCiphertext">): string | null {
  return provider.apiKeyCiphertext ? openSecret(provider.apiKeyCiphertext, providerKeyAad(provider.id)) : null;
}

/** What the console shows: the last four characters of a long key, or null when there is no key. */
export function maskProviderKey(provider: Pick<ModelProvider, "id" | "apiKeyCiphertext">): string | null {
  const key = openProviderKey(provider);
  return key === null ? null : maskSecret(key);
}

// Custom header values are secrets: sealed per server and header name, masked on every read. Whether a masked value
// sent back keeps the stored one is decided in server-secrets.ts (the one masked-secret rule), not here.
import "server-only";
import { maskSecret, openSecret, sealSecret } from "@/server/crypto/secret-box";
import type { StoredHeader } from "@/server/db/schema";

export interface HeaderInput {
  name: string;
  value: string;
}

/** A header of a form after the masked-secret rule: a kept ciphertext, or a new plain value. */
export type ResolvedHeader = { name: string; keptCiphertext: string; value?: never } | { name: string; value: string; keptCiphertext?: never };

/** Case-blind, so a kept ciphertext still opens when only the name's case changed. */
export const headerAad = (serverId: string, name: string) => `${serverId}:header:${name.toLowerCase()}`;
const aad = headerAad;

export function sealHeaders(serverId: string, resolved: ResolvedHeader[]): StoredHeader[] {
  return resolved.map((h) => ({ name: h.name, valueCiphertext: h.keptCiphertext ?? sealSecret(h.value!, aad(serverId, h.name)) }));
}

/** Plain values to send, for a form that is not saved (Test connection). */
export function resolvedHeaderValues(serverId: string, resolved: ResolvedHeader[]): Record<string, string> {
  return Object.fromEntries(resolved.map((h) => [h.name, h.keptCiphertext ? openSecret(h.keptCiphertext, aad(serverId, h.name)) : h.value!]));
}

export function openHeaders(serverId: string, stored: StoredHeader[]): Record<string, string> {
  return Object.fromEntries(stored.map((h) => [h.name, openSecret(h.valueCiphertext, aad(serverId, h.name))]));
}

export function maskHeaders(serverId: string, stored: StoredHeader[]): HeaderInput[] {
  return stored.map((h) => ({ name: h.name, value: maskSecret(openSecret(h.valueCiphertext, aad(serverId, h.name))) }));
}


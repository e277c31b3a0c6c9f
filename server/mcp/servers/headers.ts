// Custom header values are secrets: sealed per server and header name, masked on every read, and an edit that
// sends the masked value back keeps the stored one.
import "server-only";
import { isMasked, maskSecret, openSecret, sealSecret } from "@/server/crypto/secret-box";
import type { StoredHeader } from "@/server/db/schema";
import { AppError } from "@/server/errors";

export interface HeaderInput {
  name: string;
  value: string;
}

const aad = (serverId: string, name: string) => `${serverId}:header:${name.toLowerCase()}`;

export function sealHeaders(serverId: string, input: HeaderInput[], previous: StoredHeader[] = []): StoredHeader[] {
  return input.map(({ name, value }) => {
    const kept = previous.find((h) => h.name.toLowerCase() === name.toLowerCase());
    if (isMasked(value)) {
      if (kept) return { name, valueCiphertext: kept.valueCiphertext };
      throw new AppError("bad_request:mcp_server", `Enter the value of the header ${name} again: a masked value cannot be saved.`);
    }
    return { name, valueCiphertext: sealSecret(value, aad(serverId, name)) };
  });
}

export function openHeaders(serverId: string, stored: StoredHeader[]): Record<string, string> {
  return Object.fromEntries(stored.map((h) => [h.name, openSecret(h.valueCiphertext, aad(serverId, h.name))]));
}

export function maskHeaders(serverId: string, stored: StoredHeader[]): HeaderInput[] {
  return stored.map((h) => ({ name: h.name, value: maskSecret(openSecret(h.valueCiphertext, aad(serverId, h.name))) }));
}

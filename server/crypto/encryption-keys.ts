import "server-only";
import { createSecretKey, randomBytes, type KeyObject } from "node:crypto";

/** One AES-256 key and the id written into every ciphertext sealed with it. */
export type EncryptionKey = { kid: string; key: KeyObject };

export const KID_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_BYTES = 32;
// 32 bytes are 43 base64 characters, plus one "=" when padded; both alphabets (RFC 4648 §4, §5) accepted.
const BASE64_32_BYTES = /^[A-Za-z0-9+/_-]{43}=?$/;

/**
 * Parses ENCRYPTION_KEYS: comma-separated `kid:base64key` entries, newest first.
 * The first key seals new values; every key stays available to open old ones, so rotating
 * means prepending a new entry and dropping the old one only once nothing uses it.
 * Errors name the entry by position and never echo key material.
 */
export function parseEncryptionKeys(value: string, source = "ENCRYPTION_KEYS"): EncryptionKey[] {
  const hint = "expected comma-separated kid:base64key entries, e.g. k1:$(openssl rand -base64 32)";
  if (value.trim() === "") throw new Error(`${source} is empty: ${hint}`);

  const seen = new Set<string>();
  return value.split(",").map((raw, index) => {
    const entry = raw.trim();
    const where = `${source} entry ${index + 1}`;
    if (entry === "") throw new Error(`${where} is empty (stray comma?): ${hint}`);
    const colon = entry.indexOf(":");
    if (colon === -1) throw new Error(`${where} has no key id: ${hint}`);

    const kid = entry.slice(0, colon);
    const encoded = entry.slice(colon + 1);
    if (!KID_PATTERN.test(kid)) {
      throw new Error(`${where} has an invalid key id: use 1-32 characters from A-Z, a-z, 0-9, "_" and "-"`);
    }
    if (seen.has(kid)) throw new Error(`${where} repeats key id "${kid}": each key id must be unique`);
    seen.add(kid);

    const bytes = Buffer.from(encoded, "base64");
    if (!BASE64_32_BYTES.test(encoded) || bytes.length !== KEY_BYTES) {
      throw new Error(
        `${where} (key id "${kid}") is not a base64 or base64url encoding of exactly ${KEY_BYTES} bytes; ` +
          "generate one with `openssl rand -base64 32`",
      );
    }
    return { kid, key: createSecretKey(bytes) };
  });
}

/** A fresh `kid:base64key` entry in the ENCRYPTION_KEYS format. */
export function generateEncryptionKey(kid: string): string {
  if (!KID_PATTERN.test(kid)) throw new Error("generateEncryptionKey: invalid key id");
  return `${kid}:${randomBytes(KEY_BYTES).toString("base64url")}`;
}

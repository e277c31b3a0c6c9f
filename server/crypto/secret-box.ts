import "server-only";
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { AppError } from "@/server/errors";
import { getSecrets } from "@/server/secrets";
import { KID_PATTERN, type EncryptionKey } from "./encryption-keys";

// Format: v1.<kid>.<iv>.<ciphertext+tag>, base64url without padding (RFC 4648 §5).
const VERSION = "v1";
// AES-GCM with a 96-bit random IV and a full 128-bit tag (NIST SP 800-38D §5.2.1.1, §8.2.2).
// Random IVs stay safe for up to 2^32 seals per key (§8.3); rotate keys long before that.
const IV_BYTES = 12;
const TAG_BYTES = 16;
const MASK = "••••";

function fail(message: string, cause?: unknown): never {
  throw new AppError("internal:crypto", message, { cause });
}

// The header is authenticated too, so a ciphertext cannot be relabelled to another kid or version.
// Kids cannot contain ".", so header and caller context cannot run into each other.
function additionalData(kid: string, aad: string): Buffer {
  return Buffer.from(`${VERSION}.${kid}.${aad}`, "utf8");
}

// Buffer.from(..., "base64url") skips stray characters and ignores trailing bits;
// insisting on the canonical encoding means every changed character is a changed byte.
function decodeCanonical(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, "base64url");
  return bytes.toString("base64url") === text ? bytes : undefined;
}

/** Seals with the first (newest) key. `aad` binds the value to its place, e.g. `mcp_servers:<id>:token`. */
export function sealWith(keys: readonly EncryptionKey[], plaintext: string, aad = ""): string {
  const current = keys[0];
  if (!current) fail("No encryption keys configured");
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(additionalData(current.kid, aad));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final(), cipher.getAuthTag()]);
  return [VERSION, current.kid, iv.toString("base64url"), body.toString("base64url")].join(".");
}

/** Opens a value sealed with any key in the list, found by the kid in the ciphertext. */
export function openWith(keys: readonly EncryptionKey[], ciphertext: string, aad = ""): string {
  const parts = ciphertext.split(".");
  if (parts.length !== 4 || parts[0] !== VERSION) fail("Ciphertext is not in the v1 format");
  const [, kid, ivText, bodyText] = parts;
  if (!KID_PATTERN.test(kid)) fail("Ciphertext has an invalid key id");
  const entry = keys.find((k) => k.kid === kid);
  if (!entry) fail(`No encryption key with id "${kid}" is configured (was it removed from ENCRYPTION_KEYS?)`);

  const iv = decodeCanonical(ivText);
  const body = decodeCanonical(bodyText);
  if (!iv || iv.length !== IV_BYTES || !body || body.length < TAG_BYTES) fail("Ciphertext is malformed");

  try {
    const decipher = createDecipheriv("aes-256-gcm", entry.key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(additionalData(kid, aad));
    decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
    const plain = Buffer.concat([decipher.update(body.subarray(0, body.length - TAG_BYTES)), decipher.final()]);
    return plain.toString("utf8");
  } catch (error) {
    fail("Ciphertext failed authentication: tampered, or opened with the wrong context (aad)", error);
  }
}

export function sealSecret(plaintext: string, aad?: string): string {
  return sealWith(getSecrets().encryptionKeys, plaintext, aad);
}

export function openSecret(ciphertext: string, aad?: string): string {
  return openWith(getSecrets().encryptionKeys, ciphertext, aad);
}

// User-perceived characters, so a mask never cuts an emoji or accented letter in half.
const graphemes = (value: string) => Array.from(new Intl.Segmenter().segment(value), (s) => s.segment);

/** Enough of a secret to show, never enough to use: the last 4 characters of a long one, nothing of a short one. */
const SHOWN = 4;
// Below this many characters, 4 of them would be a third of the secret or more: show none.
const SHOW_FROM = 12;

/** For showing a stored secret in a form: "••••" and the last 4 characters, never the first. */
export function maskSecret(value: string): string {
  const chars = graphemes(value);
  if (chars.length < SHOW_FROM) return MASK + MASK;
  return MASK + chars.slice(-SHOWN).join("");
}

/** True for a value maskSecret produced, so a form echoing it back leaves the stored secret unchanged. */
export function isMasked(value: string): boolean {
  // A mask is 8 graphemes; anything long is not one, and segmenting a huge string would only cost time.
  if (value.length > 64) return false;
  const chars = graphemes(value);
  if (chars.length !== 8) return false;
  // The earlier form ("sk••••ab", first 2 and last 2) is still accepted for one release, since a form left open in
  // a browser sends it back; it keeps a stored secret under the same address rule as the new form. Remove after.
  return chars.slice(0, 4).join("") === MASK || chars.slice(2, 6).join("") === MASK;
}

/** True when a text carries a mask anywhere (a masked URL, say): it stands for a stored secret, never for itself. */
export function containsMask(value: string): boolean {
  return value.includes(MASK);
}

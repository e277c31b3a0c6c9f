import "server-only";
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Below 128 bits a token could be guessed offline from its unsalted hash.
const MIN_BYTES = 16;

/** A bearer token such as `sy_live_<43 base64url chars>`; the prefix makes leaked tokens easy to scan for. */
export function generateToken(prefix: string, bytes = 32): string {
  if (!Number.isInteger(bytes) || bytes < MIN_BYTES) {
    throw new RangeError(`generateToken needs at least ${MIN_BYTES} random bytes`);
  }
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}

/**
 * What we store instead of the token. Plain SHA-256 is enough: tokens carry 128+ bits of entropy,
 * so there is no dictionary to precompute and no need for a salt, key or slow hash.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Constant-time comparison; only the length can leak, which for hashes and tokens is public anyway. */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}

import "server-only";
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from "node:crypto";

// scrypt (RFC 7914) with N=2^15, r=8, p=1: the OWASP Password Storage Cheat Sheet's minimum.
const N = 2 ** 15;
const R = 8;
const P = 1;
const SALT_BYTES = 16;
const KEY_BYTES = 64;
// scrypt needs about 128*N*r bytes (RFC 7914 §6): 32 MiB here, exactly Node's default maxmem, so raise it.
const memoryFor = (n: number, r: number) => 128 * n * r;
// Ceiling for parameters read back from a stored hash, so a corrupt row cannot exhaust memory.
const MAX_MEMORY = 256 * 1024 * 1024;
const MAX_P = 16;

function derive(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  // NIST SP 800-63B §5.1.1.2: normalise Unicode so the same password typed differently still matches.
  const normalized = password.normalize("NFKC");
  return new Promise((resolve, reject) => {
    scrypt(normalized, salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

function decodeBase64(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, "base64");
  return bytes.length > 0 && bytes.toString("base64") === text ? bytes : undefined;
}

function parsePositiveInt(text: string): number | undefined {
  return /^[1-9][0-9]{0,9}$/.test(text) ? Number(text) : undefined;
}

/** `scrypt$N$r$p$salt$hash` (base64): the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, KEY_BYTES, { N, r: R, p: P, maxmem: 2 * memoryFor(N, R) });
  return ["scrypt", N, R, P, salt.toString("base64"), key.toString("base64")].join("$");
}

/** False for a wrong password and for anything that is not a hash we could have written. */
export async function verifyPassword(password: string, encoded: string): Promise<boolean> {
  const parts = encoded.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [n, r, p] = parts.slice(1, 4).map(parsePositiveInt);
  const salt = decodeBase64(parts[4]);
  const expected = decodeBase64(parts[5]);
  if (!n || !r || !p || !salt || !expected) return false;
  // N must be a power of two above 1 (RFC 7914 §2); memory and p are capped before any work is done.
  if (memoryFor(n, r) > MAX_MEMORY || p > MAX_P || n < 2 || (n & (n - 1)) !== 0) return false;
  if (salt.length < SALT_BYTES || expected.length < 16) return false;

  try {
    const actual = await derive(password, salt, expected.length, { N: n, r, p, maxmem: 2 * memoryFor(n, r) });
    return timingSafeEqual(actual, expected);
  } catch {
    return false;
  }
}

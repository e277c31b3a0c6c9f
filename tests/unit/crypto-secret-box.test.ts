import { createSecretKey, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { EncryptionKey } from "@/server/crypto/encryption-keys";
import { isMasked, maskSecret, openWith, sealWith } from "@/server/crypto/secret-box";
import { AppError } from "@/server/errors";

const key = (kid: string): EncryptionKey => ({ kid, key: createSecretKey(randomBytes(32)) });
const k1 = key("k1");
const k2 = key("k2");
const B64URL = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

function openError(keys: EncryptionKey[], ciphertext: string, aad?: string): AppError {
  try {
    openWith(keys, ciphertext, aad);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error("expected openWith to throw");
}

describe("sealWith and openWith", () => {
  it("a sealed value opens to the original text, unicode included", () => {
    for (const plaintext of ["", "sk-live-123", "pässwörd 🔑", "x".repeat(10_000)]) {
      expect(openWith([k1], sealWith([k1], plaintext))).toBe(plaintext);
    }
  });

  it("a ciphertext has the form v1.<kid>.<iv>.<ciphertext+tag> with a 12-byte iv", () => {
    const [version, kid, iv, body] = sealWith([k1], "hello").split(".");
    expect(version).toBe("v1");
    expect(kid).toBe("k1");
    expect(Buffer.from(iv, "base64url")).toHaveLength(12);
    expect(Buffer.from(body, "base64url")).toHaveLength("hello".length + 16);
  });

  it("sealing the same value twice gives different ciphertexts because the iv is random", () => {
    const seen = new Set(Array.from({ length: 50 }, () => sealWith([k1], "same value")));
    expect(seen.size).toBe(50);
  });

  it("changing any single character of a ciphertext makes it fail to open", () => {
    const sealed = sealWith([k1, k2], "secret value");
    for (let i = 0; i < sealed.length; i++) {
      const replacement = B64URL[(B64URL.indexOf(sealed[i]) + 1) % B64URL.length];
      const tampered = sealed.slice(0, i) + replacement + sealed.slice(i + 1);
      expect(() => openWith([k1, k2], tampered), `position ${i}`).toThrow(AppError);
    }
  });

  it("a truncated, extended or relabelled ciphertext fails to open", () => {
    const sealed = sealWith([k1, k2], "secret value");
    const [, , iv, body] = sealed.split(".");
    const tampered = [
      sealed.slice(0, -1),
      `${sealed}A`,
      `${sealed}=`,
      sealed.replace(/^v1\./, "v2."),
      `v1.k2.${iv}.${body}`,
      `v1.k1.${iv}.${body.slice(0, 20)}`,
      `v1.k1.${iv}`,
      "",
    ];
    for (const value of tampered) expect(() => openWith([k1, k2], value), value).toThrow(AppError);
  });

  it("a value sealed for one context fails to open in another", () => {
    const sealed = sealWith([k1], "token", "mcp_servers:row-1:token");
    expect(openWith([k1], sealed, "mcp_servers:row-1:token")).toBe("token");
    expect(openError([k1], sealed, "mcp_servers:row-2:token").code).toBe("internal:crypto");
    expect(() => openWith([k1], sealed)).toThrow(AppError);
  });

  it("a value sealed without context fails to open when a context is given", () => {
    expect(() => openWith([k1], sealWith([k1], "token"), "row-1")).toThrow(AppError);
  });

  it("after rotation a value sealed with the old key still opens and new values use the new key", () => {
    const old = sealWith([k1], "before rotation", "ctx");
    const rotated = [k2, k1];
    expect(openWith(rotated, old, "ctx")).toBe("before rotation");
    const fresh = sealWith(rotated, "after rotation", "ctx");
    expect(fresh.split(".")[1]).toBe("k2");
    expect(openWith(rotated, fresh, "ctx")).toBe("after rotation");
    expect(() => openWith([k1], fresh, "ctx")).toThrow(AppError);
  });

  it("a key with the right id but the wrong bytes cannot open a value", () => {
    const impostor = key("k1");
    expect(() => openWith([impostor], sealWith([k1], "secret"))).toThrow(AppError);
  });

  it("an unknown key id fails with a crypto error whose public message reveals nothing", () => {
    const sealed = sealWith([k1], "the plaintext");
    const error = openError([k2], sealed);
    expect(error.code).toBe("internal:crypto");
    expect(error.status).toBe(500);
    expect(error.message).toContain('"k1"');
    expect(error.publicMessage).not.toMatch(/k1|key|crypt|plaintext/i);
    expect(error.message).not.toContain(sealed);
  });

  it("sealing without any key fails with a crypto error", () => {
    expect(() => sealWith([], "x")).toThrow(AppError);
  });
});

describe("maskSecret and isMasked", () => {
  it("a long secret shows only its last four characters, never its first", () => {
    expect(maskSecret("sk-abcdefghijklmnop")).toBe("••••mnop");
    expect(maskSecret("123456789012")).toBe("••••9012");
    expect(maskSecret("sk-abcdefghijklmnop")).not.toContain("sk");
  });

  it("a secret of fewer than twelve characters is masked entirely", () => {
    for (const value of ["", "a", "12345678", "12345678901"]) expect(maskSecret(value)).toBe("••••••••");
  });

  it("masking counts visible characters, so emoji are never split", () => {
    expect(maskSecret("🔑🔑abcdefghi🗝️x")).toBe("••••hi🗝️x");
    expect(maskSecret("👩‍💻abcdef")).toBe("••••••••");
    expect(isMasked("••••hi🗝️x")).toBe(true);
  });

  it("a masked value is recognised when a form sends it back, and a real secret is not", () => {
    expect(isMasked(maskSecret("sk-abcdefghijklmnop"))).toBe(true);
    expect(isMasked(maskSecret("short"))).toBe(true);
    expect(isMasked("sk-abcdefghijklmnop")).toBe(false);
    expect(isMasked("••••mno")).toBe(false);
    expect(isMasked("")).toBe(false);
  });

  it("the earlier mask form (first two and last two) is still recognised for one release", () => {
    expect(isMasked("sk••••op")).toBe(true);
    expect(isMasked("sk••••o")).toBe(false);
  });
});

import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { generateEncryptionKey, parseEncryptionKeys } from "@/server/crypto/encryption-keys";
import { openWith, sealWith } from "@/server/crypto/secret-box";

const b64 = randomBytes(32).toString("base64");
const b64url = randomBytes(32).toString("base64url");

describe("parseEncryptionKeys", () => {
  it("reads comma-separated kid:key entries in order, newest first", () => {
    const keys = parseEncryptionKeys(`k2:${b64url}, k1:${b64}`);
    expect(keys.map((k) => k.kid)).toEqual(["k2", "k1"]);
    expect(keys[0].key.symmetricKeySize).toBe(32);
  });

  it("accepts standard base64 with or without padding and base64url", () => {
    for (const encoded of [b64, b64.replace(/=$/, ""), b64url]) {
      expect(parseEncryptionKeys(`k:${encoded}`)).toHaveLength(1);
    }
  });

  it("the parsed keys seal and open values", () => {
    const keys = parseEncryptionKeys(generateEncryptionKey("dev1"));
    expect(openWith(keys, sealWith(keys, "hello"))).toBe("hello");
  });

  it.each([
    ["an empty value", "  ", /ENCRYPTION_KEYS is empty/],
    ["an entry without a key id", b64, /entry 1 has no key id/],
    ["a stray comma", `k1:${b64},`, /entry 2 is empty/],
    ["a key id with a dot", `k.1:${b64}`, /entry 1 has an invalid key id/],
    ["a key id longer than 32 characters", `${"k".repeat(33)}:${b64}`, /invalid key id/],
    ["a repeated key id", `k1:${b64},k1:${b64url}`, /entry 2 repeats key id "k1"/],
    ["a 16-byte key", `k1:${randomBytes(16).toString("base64")}`, /exactly 32 bytes/],
    ["a 33-byte key", `k1:${randomBytes(33).toString("base64")}`, /exactly 32 bytes/],
    ["a key with characters outside base64", `k1:${b64url.slice(0, 42)}!`, /not a base64 or base64url/],
    ["a hex key", `k1:${randomBytes(32).toString("hex")}`, /exactly 32 bytes/],
  ])("rejects %s with a message naming the variable", (_label, value, message) => {
    expect(() => parseEncryptionKeys(value)).toThrow(message);
    expect(() => parseEncryptionKeys(value)).toThrow(/^ENCRYPTION_KEYS/);
  });

  it("error messages never echo key material", () => {
    const short = randomBytes(16).toString("base64");
    for (const value of [short, `k1:${short}`, `bad.kid:${b64}`, `k1:${b64},${b64url}`]) {
      let message = "";
      try {
        parseEncryptionKeys(value);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message).not.toBe("");
      for (const secret of [short, b64, b64url]) expect(message).not.toContain(secret);
    }
  });

  it("errors name the source they were read from", () => {
    expect(() => parseEncryptionKeys("nope", "encryptionKeys in /tmp/secrets.json")).toThrow(
      /^encryptionKeys in \/tmp\/secrets.json entry 1/,
    );
  });
});

describe("generateEncryptionKey", () => {
  it("produces a new valid entry each time", () => {
    const [a, b] = [generateEncryptionKey("k9"), generateEncryptionKey("k9")];
    expect(a).not.toBe(b);
    expect(parseEncryptionKeys(a)[0].kid).toBe("k9");
  });
});

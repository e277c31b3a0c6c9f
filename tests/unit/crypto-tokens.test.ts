import { describe, expect, it } from "vitest";
import { generateToken, hashToken, safeEqual } from "@/server/crypto/tokens";

describe("generateToken", () => {
  it("a token is the prefix followed by base64url randomness", () => {
    const token = generateToken("sy_live_");
    expect(token).toMatch(/^sy_live_[A-Za-z0-9_-]{43}$/);
    expect(generateToken("t_", 16)).toMatch(/^t_[A-Za-z0-9_-]{22}$/);
  });

  it("two tokens are never the same", () => {
    const tokens = new Set(Array.from({ length: 100 }, () => generateToken("sy_")));
    expect(tokens.size).toBe(100);
  });

  it("refuses fewer than 16 random bytes", () => {
    expect(() => generateToken("sy_", 8)).toThrow(RangeError);
  });
});

describe("hashToken", () => {
  it("the same token always hashes to the same SHA-256 hex digest", () => {
    const token = generateToken("sy_live_");
    expect(hashToken(token)).toBe(hashToken(token));
    expect(hashToken(token)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("different tokens hash differently", () => {
    expect(hashToken("sy_a")).not.toBe(hashToken("sy_b"));
  });
});

describe("safeEqual", () => {
  it("equal strings compare equal", () => {
    const hash = hashToken("token");
    expect(safeEqual(hash, hashToken("token"))).toBe(true);
    expect(safeEqual("", "")).toBe(true);
  });

  it("strings of the same length that differ compare unequal", () => {
    expect(safeEqual(hashToken("a"), hashToken("b"))).toBe(false);
    expect(safeEqual("abcd", "abce")).toBe(false);
  });

  it("strings of different lengths compare unequal instead of throwing", () => {
    expect(safeEqual("abc", "abcd")).toBe(false);
    expect(safeEqual("é", "ee")).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "@/server/crypto/password";

describe("hashPassword and verifyPassword", () => {
  it("a hash records its scrypt parameters, salt and key", async () => {
    const [scheme, n, r, p, salt, key] = (await hashPassword("correct horse")).split("$");
    expect([scheme, n, r, p]).toEqual(["scrypt", "32768", "8", "1"]);
    expect(Buffer.from(salt, "base64")).toHaveLength(16);
    expect(Buffer.from(key, "base64")).toHaveLength(64);
  });

  it("the right password verifies", async () => {
    const encoded = await hashPassword("correct horse battery staple");
    await expect(verifyPassword("correct horse battery staple", encoded)).resolves.toBe(true);
  });

  it("a wrong password does not verify", async () => {
    const encoded = await hashPassword("correct horse battery staple");
    await expect(verifyPassword("correct horse battery stapler", encoded)).resolves.toBe(false);
    await expect(verifyPassword("", encoded)).resolves.toBe(false);
  });

  it("two hashes of the same password differ because each has its own salt", async () => {
    const [a, b] = await Promise.all([hashPassword("same"), hashPassword("same")]);
    expect(a).not.toBe(b);
    await expect(verifyPassword("same", a)).resolves.toBe(true);
    await expect(verifyPassword("same", b)).resolves.toBe(true);
  });

  it("the same password typed in composed or decomposed Unicode verifies", async () => {
    const encoded = await hashPassword("caf\u00e9");
    await expect(verifyPassword("cafe\u0301", encoded)).resolves.toBe(true);
  });

  it("a hash with other valid parameters still verifies, so parameters can change later", async () => {
    const encoded = await hashPassword("pw");
    const [, , , , salt] = encoded.split("$");
    const { scrypt } = await import("node:crypto");
    const key = await new Promise<Buffer>((resolve, reject) =>
      scrypt("pw", Buffer.from(salt, "base64"), 32, { N: 1024, r: 8, p: 2 }, (e, k) => (e ? reject(e) : resolve(k))),
    );
    await expect(verifyPassword("pw", `scrypt$1024$8$2$${salt}$${key.toString("base64")}`)).resolves.toBe(true);
  });

  it("a malformed encoded hash returns false instead of throwing", async () => {
    const valid = await hashPassword("pw");
    const [, , , , salt, key] = valid.split("$");
    const malformed = [
      "",
      "not a hash",
      valid.replace(/^scrypt/, "bcrypt"),
      `${valid}$extra`,
      `scrypt$32768$8$1$${salt}`,
      `scrypt$32767$8$1$${salt}$${key}`,
      `scrypt$0$8$1$${salt}$${key}`,
      `scrypt$-32768$8$1$${salt}$${key}`,
      `scrypt$32768$x$1$${salt}$${key}`,
      `scrypt$1073741824$8$1$${salt}$${key}`,
      `scrypt$32768$8$1000$${salt}$${key}`,
      `scrypt$32768$8$1$$${key}`,
      `scrypt$32768$8$1$${salt}$`,
      `scrypt$32768$8$1$${salt}$${key.slice(0, -3)}!!=`,
      `scrypt$32768$8$1$AAAA$${key}`,
    ];
    for (const encoded of malformed) await expect(verifyPassword("pw", encoded), encoded).resolves.toBe(false);
  });

  it("the decoy hash used for unknown emails is well formed and matches no password", async () => {
    const decoy = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A".repeat(86) + "==";
    await expect(verifyPassword("", decoy)).resolves.toBe(false);
    await expect(verifyPassword("password", decoy)).resolves.toBe(false);
  });
});

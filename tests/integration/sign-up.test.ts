import { describe, expect, it } from "vitest";
import { requestSignUp } from "@/server/auth/request-sign-up";
import { signUpSchema } from "@/server/auth/sign-up";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import { env } from "@/server/env";
import { createOwner, uniqueEmail } from "../support/fixtures";

const timed = async (run: () => Promise<unknown>) => {
  const started = Date.now();
  const result = await run();
  return { result, ms: Date.now() - started };
};

describe("sign-up from the public form", () => {
  it("answers the same, in about the same time, whether or not the email already has an account", async () => {
    const known = await createOwner("known");
    const fresh = uniqueEmail("fresh");
    const asNew = await timed(() => requestSignUp({ email: fresh, password: "a fresh long passphrase" }, { address: "198.51.100.1" }));
    const asKnown = await timed(() =>
      requestSignUp({ email: known.email, password: "an intruder's passphrase" }, { address: "198.51.100.2" }),
    );
    expect(asKnown.result).toEqual(asNew.result);
    expect(asNew.ms).toBeGreaterThanOrEqual(590);
    expect(asKnown.ms).toBeGreaterThanOrEqual(590);
    expect(Math.abs(asNew.ms - asKnown.ms)).toBeLessThan(250);
    // The new account works; the known one is untouched: its own password still works and the new one does not.
    expect(await verifyCredentials({ email: fresh, password: "a fresh long passphrase", address: null })).not.toBeNull();
    expect(await verifyCredentials({ email: known.email, password: known.password, address: null })).not.toBeNull();
    expect(await verifyCredentials({ email: known.email, password: "an intruder's passphrase", address: null })).toBeNull();
  });

  it("refuses the most common passwords with a message that says why, in any letter case", () => {
    for (const password of ["password", "12345678", "qwertyuiop", "iloveyou", "Password", "PASSWORD1", "sunshine"]) {
      const parsed = signUpSchema.safeParse({ email: uniqueEmail(), password });
      expect(parsed.success, password).toBe(false);
      expect(parsed.error?.issues[0]?.message).toMatch(/most common/);
    }
    expect(signUpSchema.safeParse({ email: uniqueEmail(), password: "correct horse battery" }).success).toBe(true);
  });

  it("a known account can still sign in with a common password it already had", async () => {
    const { signUp } = await import("@/server/auth/sign-up");
    await expect(signUp({ email: uniqueEmail(), password: "password1" })).rejects.toThrow(/most common/);
    const { insertUser } = await import("@/server/db/queries/users");
    const { hashPassword } = await import("@/server/crypto/password");
    const { getDb } = await import("@/server/db");
    const email = uniqueEmail("old");
    await insertUser(await getDb(), { email, name: null, passwordHash: await hashPassword("password1") });
    expect(await verifyCredentials({ email, password: "password1", address: null })).not.toBeNull();
  });

  it("is limited per address: past SIGN_UP_MAX_PER_ADDRESS sign-ups in an hour one address waits, another address does not", async () => {
    expect(env.SIGN_UP_MAX_PER_ADDRESS).toBe(10);
    const attempts = Array.from({ length: 10 }, () => requestSignUp({ email: uniqueEmail(), password: "a fresh long passphrase" }, { address: "198.51.100.10" }));
    await Promise.all(attempts);
    await expect(
      requestSignUp({ email: uniqueEmail(), password: "a fresh long passphrase" }, { address: "198.51.100.10" }),
    ).rejects.toMatchObject({ code: "rate_limit:sign_up_address" });
    await expect(
      requestSignUp({ email: uniqueEmail(), password: "a fresh long passphrase" }, { address: "198.51.100.11" }),
    ).resolves.toBeUndefined();
  });

  it("is limited per email from any address, the same for a new email as for a known one", async () => {
    for (const email of [uniqueEmail("new"), (await createOwner("known")).email]) {
      await Promise.all(
        Array.from({ length: 5 }, (_, i) => requestSignUp({ email, password: "a fresh long passphrase" }, { address: `198.51.100.${20 + i}` })),
      );
      await expect(requestSignUp({ email, password: "a fresh long passphrase" }, { address: "198.51.100.30" })).rejects.toMatchObject({
        code: "rate_limit:sign_up_email",
        message: expect.stringMatching(/Too many sign-up attempts/),
      });
    }
  });
});

import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/server/auth/verify-credentials";
import { env } from "@/server/env";
import { createOwner } from "../support/fixtures";

describe("email and password sign-in", () => {
  it("the right password signs in and a wrong one does not", async () => {
    const { email, password, user } = await createOwner();
    expect(await verifyCredentials({ email, password, address: "203.0.113.1" })).toMatchObject({ id: user.id });
    expect(await verifyCredentials({ email, password: "wrong password!", address: "203.0.113.1" })).toBeNull();
    expect(await verifyCredentials({ email: "nobody@example.test", password, address: "203.0.113.1" })).toBeNull();
  });

  it("passwords are stored as scrypt hashes, never in plain text", async () => {
    const { getDb } = await import("@/server/db");
    const { sql } = await import("drizzle-orm");
    const { password } = await createOwner();
    const dump = JSON.stringify(await (await getDb()).execute(sql`select * from users`));
    expect(dump).not.toContain(password);
    expect(dump).toContain("scrypt$");
  });

  it("repeated failures lock the email out from that address, even with the right password", async () => {
    const { email, password } = await createOwner();
    const address = "203.0.113.7";
    for (let i = 0; i < env.SIGN_IN_MAX_FAILURES; i++) {
      expect(await verifyCredentials({ email, password: `wrong-${i}-password`, address })).toBeNull();
    }
    await expect(verifyCredentials({ email, password, address })).rejects.toMatchObject({
      code: "rate_limit:sign_in",
      retryAfter: env.SIGN_IN_WINDOW_SECONDS,
    });
    // Another address is not locked out by someone else's guessing: the account only waits a moment.
    await new Promise((resolve) => setTimeout(resolve, 1_200));
    expect(await verifyCredentials({ email, password, address: "203.0.113.8" })).not.toBeNull();
  });

  it("a success clears earlier failures", async () => {
    const { email, password } = await createOwner();
    const address = "203.0.113.9";
    for (let i = 0; i < env.SIGN_IN_MAX_FAILURES - 1; i++) await verifyCredentials({ email, password: "nope-nope-nope", address });
    expect(await verifyCredentials({ email, password, address })).not.toBeNull();
    for (let i = 0; i < env.SIGN_IN_MAX_FAILURES - 1; i++) await verifyCredentials({ email, password: "nope-nope-nope", address });
    expect(await verifyCredentials({ email, password, address })).not.toBeNull();
  });
});

// The sign-in limits through a real HTTP server that treats headers as `next start` does, with callers on distinct
// loopback addresses: what counts is the address that connected, never one a client wrote.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/server/auth/authorize-credentials";
import { env } from "@/server/env";
import { isAppError } from "@/server/errors";
import { createOwner } from "../support/fixtures";
import { startNextLikeServer } from "../support/next-like-server";

type Outcome = { result: "signed-in" | "wrong" | "rate-limited"; retryAfter?: number };

// Stands in for Auth.js's credentials callback: the same function its authorize() calls, with the same Request.
const server = await startNextLikeServer(async (request) => {
  const credentials = (await request.json()) as { email: string; password: string };
  try {
    const user = await authorizeCredentials(credentials, request);
    return Response.json({ result: user ? "signed-in" : "wrong" });
  } catch (error) {
    if (isAppError(error) && error.type === "rate_limit") return Response.json({ result: "rate-limited", retryAfter: error.retryAfter });
    throw error;
  }
});

const signIn = async (from: string, email: string, password: string, headers?: Record<string, string>) =>
  (await server.post(from, "/sign-in", { email, password }, headers)).json as Outcome;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(() => expect(env.SIGN_IN_MAX_FAILURES).toBe(5));
afterAll(() => server.close());

describe("sign-in limits count the address that connected", () => {
  it("a spoofed X-Forwarded-For does not escape a lockout, and the lockout holds only that address", async () => {
    const { email, password } = await createOwner();
    for (let i = 0; i < 5; i++) expect(await signIn("127.0.0.2", email, `wrong-${i}-password`)).toMatchObject({ result: "wrong" });
    // Past the account's 1 s backoff, only the per-address lockout can still refuse: so the address was told apart.
    await sleep(1_200);
    const spoofed = { "x-forwarded-for": "1.2.3.4", "x-real-ip": "1.2.3.4", "x-switchyard-peer-address": "1.2.3.4" };
    expect(await signIn("127.0.0.2", email, password, spoofed)).toMatchObject({ result: "rate-limited", retryAfter: env.SIGN_IN_WINDOW_SECONDS });
    expect(await signIn("127.0.0.9", email, password)).toMatchObject({ result: "signed-in" });
  });

  it("wrong passwords under twelve spoofed addresses still count, for the address and for the account", async () => {
    const { email, password } = await createOwner();
    for (let i = 0; i < 12; i++) await signIn("127.0.0.3", email, `wrong-${i}-password`, { "x-forwarded-for": `203.0.113.${i}` });
    expect(await signIn("127.0.0.3", email, password)).toMatchObject({ result: "rate-limited" });
    // From an address that never failed, the account's own backoff still holds.
    expect(await signIn("127.0.0.4", email, password)).toMatchObject({ result: "rate-limited" });
  });

  it("an attacker elsewhere cannot lock the owner out: the account is only slowed, and the right password works after the delay", async () => {
    const { email, password } = await createOwner();
    // The attacker even claims to be the owner's address.
    for (let i = 0; i < 5; i++) await signIn("127.0.0.5", email, `wrong-${i}-password`, { "x-forwarded-for": "127.0.0.6" });
    const slowed = await signIn("127.0.0.6", email, password);
    expect(slowed).toMatchObject({ result: "rate-limited" });
    expect(slowed.retryAfter).toBeLessThanOrEqual(1);
    await sleep(slowed.retryAfter! * 1000 + 200);
    expect(await signIn("127.0.0.6", email, password)).toMatchObject({ result: "signed-in" });
  });

  it("the owner signs in at once from an address they signed in from before, while someone elsewhere keeps failing", async () => {
    const { email, password } = await createOwner();
    expect(await signIn("127.0.0.7", email, password)).toMatchObject({ result: "signed-in" });
    for (let i = 0; i < 8; i++) await signIn(`127.0.1.${i + 1}`, email, `wrong-${i}-password`);
    expect(await signIn("127.0.2.1", email, password)).toMatchObject({ result: "rate-limited" });
    expect(await signIn("127.0.0.7", email, password)).toMatchObject({ result: "signed-in" });
  });

  it("guesses sent at the same moment while the account backs off get one try between them", async () => {
    const { email } = await createOwner();
    for (let i = 0; i < 5; i++) await signIn(`127.0.3.${i + 1}`, email, `wrong-${i}-password`);
    await sleep(1_200);
    const outcomes = await Promise.all(Array.from({ length: 6 }, (_, i) => signIn(`127.0.4.${i + 1}`, email, `guess-${i}-password`)));
    expect(outcomes.filter((o) => o.result === "wrong")).toHaveLength(1);
    expect(outcomes.filter((o) => o.result === "rate-limited")).toHaveLength(5);
  });

  it("a success clears the account's failures", async () => {
    const { email, password } = await createOwner();
    for (let i = 0; i < 4; i++) await signIn(`127.0.5.${i + 1}`, email, `wrong-${i}-password`);
    expect(await signIn("127.0.5.9", email, password)).toMatchObject({ result: "signed-in" });
    for (let i = 0; i < 4; i++) await signIn(`127.0.5.${i + 1}`, email, `wrong-${i}-password`);
    expect(await signIn("127.0.6.1", email, password)).toMatchObject({ result: "signed-in" });
  });
});

// Sign-up from the public form. It answers the same whether or not the email already has an account, so the form
// cannot be used to learn who has one: a new email gets its account, a known one is left as it was, and either way
// the person is sent to sign in with their password (app/(auth)/actions.ts). The account's owner signs in with the
// password they always had; someone else learns nothing without a sign-in attempt, which the sign-in limits count.
import "server-only";
import type { z } from "zod";
import { env } from "@/server/env";
import { isAppError } from "@/server/errors";
import { getKv } from "@/server/kv";
import { assertRateLimit } from "@/server/kv/rate-limit";
import { signUp, type signUpSchema } from "./sign-up";

/** Both outcomes take at least this long, so the few milliseconds of inserts a new account costs do not show. */
const answerFloorMs = 600;

const limits = {
  perAddress: { limit: env.SIGN_UP_MAX_PER_ADDRESS, windowSeconds: 60 * 60 },
  perEmail: { limit: 5, windowSeconds: 60 * 60 },
};
const tooMany = "Too many sign-up attempts. Wait an hour, or sign in if you already have an account.";

/**
 * `address` is the caller's trusted address as a limit subject (server/client-address), null when unknown: then
 * only the per-email limit applies. Throws rate_limit:sign_up_* when over a limit, whether or not the email is new.
 */
export async function requestSignUp(input: z.output<typeof signUpSchema>, { address }: { address: string | null }) {
  const started = Date.now();
  const kv = getKv();
  if (address) await assertRateLimit(kv, { bucket: "sign_up_address", id: address, ...limits.perAddress }, tooMany);
  await assertRateLimit(kv, { bucket: "sign_up_email", id: input.email, ...limits.perEmail }, tooMany);
  try {
    await signUp(input);
  } catch (error) {
    if (!(isAppError(error) && error.code === "conflict:user")) throw error;
  }
  const rest = answerFloorMs - (Date.now() - started);
  if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
}

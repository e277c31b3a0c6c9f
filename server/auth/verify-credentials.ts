import "server-only";
import { getDb } from "@/server/db";
import { getUserByEmail } from "@/server/db/queries/users";
import { verifyPassword } from "@/server/crypto/password";
import { env } from "@/server/env";
import { AppError, isAppError } from "@/server/errors";
import { getKv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";
import { accountBackoff } from "./account-backoff";
import { emailSchema, passwordSchema } from "./sign-up";

// A well-formed hash of a random password: unknown emails cost the same time as wrong passwords.
const decoyHash = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A".repeat(86) + "==";

/**
 * Checks an email and password under two limits. Per email and address (`address`: the trusted client address
 * as a limit subject, see server/client-address; null when unknown, and then this limit is skipped rather than
 * shared): past SIGN_IN_MAX_FAILURES that address is refused for the window, even with the right password. Per
 * email from any address: a growing delay (account-backoff.ts). Unknown emails are counted like real ones.
 */
export async function verifyCredentials({ email, password, address }: { email: unknown; password: unknown; address: string | null }) {
  const parsedEmail = emailSchema.safeParse(email);
  const parsedPassword = passwordSchema.safeParse(password);
  if (!parsedEmail.success || !parsedPassword.success) return null;
  const attempt = { email: parsedEmail.data, address };

  const kv = getKv();
  const addressKey = address ? kvKeys.signInFailures(parsedEmail.data, address) : null;
  if (addressKey && (await readFailures(addressKey)) >= env.SIGN_IN_MAX_FAILURES) {
    throw new AppError("rate_limit:sign_in", "Too many failed sign-in attempts. Wait a few minutes and try again.", {
      retryAfter: env.SIGN_IN_WINDOW_SECONDS,
    });
  }
  await accountBackoff.enter(kv, attempt).catch(failOpen("could not check the account's backoff"));

  const db = await getDb();
  const user = await getUserByEmail(db, { email: parsedEmail.data });
  const ok = await verifyPassword(parsedPassword.data, user?.passwordHash ?? decoyHash);
  if (!user || !ok) {
    await Promise.all([
      addressKey ? kv.incr(addressKey, env.SIGN_IN_WINDOW_SECONDS).catch(failOpen("could not count a failed sign-in")) : null,
      accountBackoff.failed(kv, attempt).catch(failOpen("could not count a failed sign-in for the account")),
    ]);
    return null;
  }
  await Promise.all([addressKey ? kv.del(addressKey) : null, accountBackoff.succeeded(kv, attempt)]).catch(() => {});
  return { id: user.id, email: user.email, name: user.name, image: user.image };
}

/** An unreachable KV store must not stop sign-in: warn and go on. A refusal is not a failure and passes through. */
function failOpen(what: string) {
  return (error: unknown) => {
    if (isAppError(error) && error.type === "rate_limit") throw error;
    console.warn(`[rate_limit:sign_in] failed open: ${what}`, String(error));
  };
}

async function readFailures(key: string) {
  try {
    return Number((await getKv().get(key)) ?? 0);
  } catch (error) {
    console.warn("[rate_limit:sign_in] failed open: KV store unreachable", String(error));
    return 0;
  }
}

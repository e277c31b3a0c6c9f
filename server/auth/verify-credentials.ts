import "server-only";
import { getDb } from "@/server/db";
import { getUserByEmail } from "@/server/db/queries/users";
import { verifyPassword } from "@/server/crypto/password";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { getKv } from "@/server/kv";
import { kvKeys } from "@/server/kv/keys";
import { emailSchema, passwordSchema } from "./sign-up";

// A well-formed hash of a random password: unknown emails cost the same time as wrong passwords.
const decoyHash = "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$" + "A".repeat(86) + "==";

/**
 * Checks an email and password. Failed attempts per email+address are counted in the KV store;
 * past the limit every attempt is refused until the window ends, even with the right password.
 */
export async function verifyCredentials({ email, password, ip }: { email: unknown; password: unknown; ip: string }) {
  const parsedEmail = emailSchema.safeParse(email);
  const parsedPassword = passwordSchema.safeParse(password);
  if (!parsedEmail.success || !parsedPassword.success) return null;

  const kv = getKv();
  const key = kvKeys.signInFailures(parsedEmail.data, ip);
  const failures = await readFailures(key);
  if (failures >= env.SIGN_IN_MAX_FAILURES) {
    throw new AppError("rate_limit:sign_in", "Too many failed sign-in attempts. Wait a few minutes and try again.", {
      retryAfter: env.SIGN_IN_WINDOW_SECONDS,
    });
  }

  const db = await getDb();
  const user = await getUserByEmail(db, { email: parsedEmail.data });
  const ok = await verifyPassword(parsedPassword.data, user?.passwordHash ?? decoyHash);
  if (!user || !ok) {
    await kv.incr(key, env.SIGN_IN_WINDOW_SECONDS).catch((error) => {
      console.warn("[rate_limit:sign_in] failed open: could not count a failed sign-in", String(error));
    });
    return null;
  }
  await kv.del(key).catch(() => {});
  return { id: user.id, email: user.email, name: user.name, image: user.image };
}

async function readFailures(key: string) {
  try {
    return Number((await getKv().get(key)) ?? 0);
  } catch (error) {
    console.warn("[rate_limit:sign_in] failed open: KV store unreachable", String(error));
    return 0;
  }
}

// A per-account throttle that no address changes. Failures on one email from anywhere are counted together; past
// SIGN_IN_MAX_FAILURES each attempt must wait a growing delay (1 s, 2 s, 4 s, ... up to SIGN_IN_BACKOFF_MAX_SECONDS)
// instead of being locked out, so someone guessing from many addresses is slowed without being able to keep the
// owner out: the owner's right password works once the delay is over, and at once from an address they signed in
// from before (an attacker cannot make their own address known without the password).
import "server-only";
import { env } from "@/server/env";
import { AppError } from "@/server/errors";
import { kvKeys } from "@/server/kv/keys";
import type { Kv } from "@/server/kv/types";

/** How long failures are remembered; a success forgets them. */
const failureMemorySeconds = 24 * 60 * 60;
const knownAddressSeconds = 30 * 24 * 60 * 60;

/** The wait after an account's `failures`-th failure: none below the threshold, then doubling up to the cap. */
export function backoffSeconds(failures: number, freeFailures = env.SIGN_IN_MAX_FAILURES, maxSeconds = env.SIGN_IN_BACKOFF_MAX_SECONDS) {
  if (failures < freeFailures) return 0;
  return Math.min(maxSeconds, 2 ** Math.min(failures - freeFailures, 30));
}

type Attempt = { email: string; address: string | null };

export const accountBackoff = {
  /**
   * Throws rate_limit:sign_in while the account must wait. Otherwise, when the account is backing off, claims the
   * attempt with a set-if-absent, so requests sent at the same moment get one guess between them, not one each.
   */
  async enter(kv: Kv, { email, address }: Attempt): Promise<void> {
    const wait = backoffSeconds(Number((await kv.get(kvKeys.signInAccountFailures(email))) ?? 0));
    if (wait === 0) return;
    if (address && (await kv.get(kvKeys.signInKnownAddress(email, address)))) return;
    const now = Date.now();
    const key = kvKeys.signInBackoff(email);
    if (await kv.setIfAbsent(key, String(now + wait * 1000), { ttlSeconds: wait })) return;
    const until = Number((await kv.get(key)) ?? now);
    throw new AppError("rate_limit:sign_in", "Too many failed sign-in attempts for this account. Wait a moment and try again.", {
      retryAfter: Math.max(1, Math.ceil((until - now) / 1000)),
    });
  },

  async failed(kv: Kv, { email }: Attempt): Promise<void> {
    const { count } = await kv.incr(kvKeys.signInAccountFailures(email), failureMemorySeconds);
    const wait = backoffSeconds(count);
    if (wait > 0) await kv.set(kvKeys.signInBackoff(email), String(Date.now() + wait * 1000), { ttlSeconds: wait });
  },

  async succeeded(kv: Kv, { email, address }: Attempt): Promise<void> {
    await Promise.all([
      kv.del(kvKeys.signInAccountFailures(email)),
      kv.del(kvKeys.signInBackoff(email)),
      address ? kv.set(kvKeys.signInKnownAddress(email, address), "1", { ttlSeconds: knownAddressSeconds }) : null,
    ]);
  },
};

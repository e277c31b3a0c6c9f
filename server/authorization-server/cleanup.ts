// Removes what the authorization server no longer needs: expired codes, tokens, interactions and sessions, and
// dynamic registrations that nobody approved within a day. Once across instances, every 15 minutes.
import "server-only";
import { getDb } from "@/server/db";
import { deleteExpiredAuthorizationState } from "@/server/db/queries/oauth-server-records";
import { getJobQueue } from "@/server/jobs";

const queueName = "oauth-server-cleanup";

export async function startAuthorizationServerCleanup() {
  await getJobQueue().repeat(queueName, 15, async () => {
    await removeExpiredAuthorizationState();
  });
}

export async function removeExpiredAuthorizationState({ now }: { now?: Date } = {}) {
  return deleteExpiredAuthorizationState(await getDb(), { now });
}

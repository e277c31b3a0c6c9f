// Who is calling: a signed-in user (session cookie) or a workspace API key (Authorization: Bearer).
import "server-only";
import { getDb } from "@/server/db";
import { env } from "@/server/env";
import type { Role } from "@/server/db/schema";
import { authenticateApiKey } from "@/server/api-keys/api-keys";
import { clientSubject } from "@/server/client-address/client-address";
import { AppError } from "@/server/errors";
import { assertRateLimit } from "@/server/kv/rate-limit";
import { getKv } from "@/server/kv";

export type Actor =
  | { kind: "user"; userId: string; /** The server-side session behind the cookie, when known. */ sessionId?: string }
  | { kind: "apiKey"; apiKeyId: string; workspaceId: string; role: Role };

export interface Context {
  actor: Actor | null;
  /** The workspace the console has selected (x-workspace-id header); checked against membership. */
  requestedWorkspaceId: string | null;
}

export const apiKeyCallsPerMinute = env.API_KEY_RATE_LIMIT_PER_MINUTE;

/** `procedures`: how many procedures the request carries (a batch); each counts against the API key's budget. */
export async function createContext({ headers, procedures = 1 }: { headers: Headers; procedures?: number }): Promise<Context> {
  const requestedWorkspaceId = headers.get("x-workspace-id");
  const bearer = headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
  if (bearer) {
    // Per address before the key is even looked up. An unknown address skips it (one shared bucket would let any
    // caller use up every caller's budget); the per-key limit below still holds.
    const address = clientSubject(headers);
    if (address) await assertRateLimit(getKv(), { bucket: "api_key", id: address, limit: apiKeyCallsPerMinute, windowSeconds: 60 });
    const key = await authenticateApiKey(await getDb(), bearer);
    if (!key) throw new AppError("unauthorized:api_key", "This API key is not valid or was revoked.");
    // Per key as well as per address: a script spreading one key over many addresses is still held to one budget.
    // A batch is refused whole when its procedures do not all fit in what is left, so none of it runs.
    await assertRateLimit(getKv(), { bucket: "api_key_use", id: key.apiKeyId, limit: apiKeyCallsPerMinute, windowSeconds: 60, cost: procedures }, "This API key made too many calls. Wait a minute and try again.");
    return { actor: { kind: "apiKey", ...key }, requestedWorkspaceId };
  }
  // Imported lazily: Auth.js pulls in next/headers, which only exists inside a Next request.
  const { auth } = await import("@/server/auth/config");
  const session = await auth();
  const userId = session?.user?.id;
  return { actor: userId ? { kind: "user", userId, sessionId: session?.sessionId } : null, requestedWorkspaceId };
}

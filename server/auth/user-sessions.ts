// Server-side sign-in sessions behind the JWT cookie: started at sign-in, checked on every auth(), ended by
// sign-out or by the person from another device. No cache: a revocation holds at the next request everywhere.
import "server-only";
import type { Tx } from "@/server/db";
import {
  getLiveUserSession,
  insertUserSession,
  listLiveUserSessions,
  revokeOtherUserSessions,
  revokeUserSession,
  touchUserSession,
} from "@/server/db/queries/user-sessions";
import { AppError } from "@/server/errors";

// lastSeenAt is for people ("active 3 minutes ago"): written at most this often keeps page loads off the write path.
const touchIntervalMs = 5 * 60_000;
const userAgentMaxLength = 200;

export async function startUserSession(db: Tx, { userId, userAgent }: { userId: string; userAgent: string | null }) {
  const row = await insertUserSession(db, { userId, userAgent: userAgent?.slice(0, userAgentMaxLength) || null });
  return row.id;
}

/** True while the session stands; a revoked, unknown or other user's session is false. */
export async function isUserSessionLive(db: Tx, { userId, sessionId }: { userId: string; sessionId: string }) {
  const row = await getLiveUserSession(db, { userId, id: sessionId });
  if (!row) return false;
  if (Date.now() - row.lastSeenAt.getTime() > touchIntervalMs) await touchUserSession(db, { userId, id: sessionId });
  return true;
}

export async function endUserSession(db: Tx, { userId, sessionId }: { userId: string; sessionId: string }) {
  await revokeUserSession(db, { userId, id: sessionId });
}

export async function listUserSessions(db: Tx, { userId, currentId }: { userId: string; currentId: string | null }) {
  const rows = await listLiveUserSessions(db, { userId });
  return rows.map((row) => ({ ...row, current: row.id === currentId }));
}

export async function revokeUserSessionOrThrow(db: Tx, { userId, sessionId }: { userId: string; sessionId: string }) {
  const row = await revokeUserSession(db, { userId, id: sessionId });
  if (!row) throw new AppError("not_found:session", "This session does not exist or has already ended.");
}

/** "Sign out everywhere else": every session but the caller's own. */
export async function revokeOtherUserSessionsOf(db: Tx, { userId, currentId }: { userId: string; currentId: string | null }) {
  return { count: await revokeOtherUserSessions(db, { userId, keepId: currentId }) };
}

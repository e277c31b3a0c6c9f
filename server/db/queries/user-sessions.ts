import "server-only";
import { and, desc, eq, isNull, ne } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { userSessions } from "@/server/db/schema";

export async function insertUserSession(db: Tx, values: { userId: string; userAgent: string | null }) {
  const [row] = await db.insert(userSessions).values(values).returning();
  return row!;
}

/** The session if it is still live for this user; a revoked one, or another user's, is null. */
export async function getLiveUserSession(db: Tx, { userId, id }: { userId: string; id: string }) {
  const [row] = await db
    .select()
    .from(userSessions)
    .where(and(eq(userSessions.id, id), eq(userSessions.userId, userId), isNull(userSessions.revokedAt)));
  return row ?? null;
}

export async function touchUserSession(db: Tx, { userId, id }: { userId: string; id: string }) {
  await db
    .update(userSessions)
    .set({ lastSeenAt: new Date() })
    .where(and(eq(userSessions.id, id), eq(userSessions.userId, userId)));
}

export async function listLiveUserSessions(db: Tx, { userId }: { userId: string }) {
  return db
    .select({
      id: userSessions.id,
      userAgent: userSessions.userAgent,
      createdAt: userSessions.createdAt,
      lastSeenAt: userSessions.lastSeenAt,
    })
    .from(userSessions)
    .where(and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
    .orderBy(desc(userSessions.lastSeenAt));
}

export async function revokeUserSession(db: Tx, { userId, id }: { userId: string; id: string }) {
  const [row] = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(userSessions.id, id), eq(userSessions.userId, userId), isNull(userSessions.revokedAt)))
    .returning({ id: userSessions.id });
  return row ?? null;
}

/** Every live session of the user except `keepId` (which may be null: then all of them). */
export async function revokeOtherUserSessions(db: Tx, { userId, keepId }: { userId: string; keepId: string | null }) {
  const rows = await db
    .update(userSessions)
    .set({ revokedAt: new Date() })
    .where(
      and(eq(userSessions.userId, userId), isNull(userSessions.revokedAt), keepId ? ne(userSessions.id, keepId) : undefined),
    )
    .returning({ id: userSessions.id });
  return rows.length;
}

import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { memberships, users, type NewUser } from "@/server/db/schema";

export async function getUserByEmail(db: Tx, { email }: { email: string }) {
  const [user] = await db.select().from(users).where(eq(users.email, email.toLowerCase()));
  return user ?? null;
}

export async function getUserById(db: Tx, { id }: { id: string }) {
  const [user] = await db.select().from(users).where(eq(users.id, id));
  return user ?? null;
}

export async function insertUser(db: Tx, values: NewUser) {
  const [user] = await db
    .insert(users)
    .values({ ...values, email: values.email.toLowerCase() })
    .returning();
  return user!;
}

/** Names (or emails, for people without one) of a workspace's members among `ids`; former members are left out. */
export async function listMemberNames(db: Tx, { workspaceId, ids }: { workspaceId: string; ids: string[] }) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .innerJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.workspaceId, workspaceId)))
    .where(inArray(users.id, ids));
  return new Map(rows.map((row) => [row.id, row.name || row.email]));
}

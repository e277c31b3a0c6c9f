import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { users, type NewUser } from "@/server/db/schema";

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

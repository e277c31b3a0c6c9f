// Builders for integration tests: real users and workspaces through the real domain code.
import { randomBytes } from "node:crypto";
import { createContext } from "@/server/api/context";
import { createCaller } from "@/server/api/root";
import { signUp } from "@/server/auth/sign-up";
import { getDb } from "@/server/db";
import { insertMembership } from "@/server/db/queries/workspaces";
import { insertUser } from "@/server/db/queries/users";
import type { Role } from "@/server/db/schema";

export function uniqueEmail(label = "user") {
  return `${label}-${randomBytes(4).toString("hex")}@example.test`;
}

export async function createOwner(label = "owner") {
  const email = uniqueEmail(label);
  const { user, workspace } = await signUp({ email, password: "correct horse battery", name: label });
  return { user, workspace, email, password: "correct horse battery" };
}

export async function addMember(workspaceId: string, role: Role) {
  const db = await getDb();
  const user = await insertUser(db, { email: uniqueEmail(role), name: role });
  await insertMembership(db, { workspaceId, userId: user.id, role });
  return user;
}

export function callerAs(userId: string, workspaceId: string | null = null) {
  return createCaller({ actor: { kind: "user", userId }, requestedWorkspaceId: workspaceId });
}

export const anonymousCaller = () => createCaller({ actor: null, requestedWorkspaceId: null });

/** A caller that goes through the real context, as an HTTP request with these headers would. */
export async function callerFromHeaders(headers: Record<string, string>) {
  return createCaller(await createContext({ headers: new Headers(headers) }));
}

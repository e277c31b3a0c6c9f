// Workspace roles, from most to least powerful, and the one check every permission goes through.
import { AppError } from "@/server/errors";
import type { Role } from "@/server/db/schema";

export const roles = ["owner", "admin", "editor", "member"] as const satisfies readonly Role[];
export type { Role };

const rank: Record<Role, number> = { owner: 3, admin: 2, editor: 1, member: 0 };

export function hasRole(actual: Role, required: Role): boolean {
  return rank[actual] >= rank[required];
}

export function assertRole(actual: Role, required: Role, surface = "workspace"): void {
  if (!hasRole(actual, required)) {
    throw new AppError(`forbidden:${surface}`, `This needs the ${required} role or higher; you are ${article(actual)} ${actual}.`);
  }
}

/** Roles that `actor` may hand out: never above their own. */
export function assignableRoles(actor: Role): Role[] {
  return roles.filter((r) => hasRole(actor, r));
}

function article(role: Role) {
  return role === "member" ? "a" : "an";
}

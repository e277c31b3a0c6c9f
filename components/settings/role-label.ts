export const roleLabels = { owner: "Owner", admin: "Admin", editor: "Editor", member: "Member" } as const;
export const roleOrder = ["owner", "admin", "editor", "member"] as const;
export type RoleName = (typeof roleOrder)[number];

const rank: Record<RoleName, number> = { owner: 3, admin: 2, editor: 1, member: 0 };

/** Mirrors server/auth/roles.ts for what the UI offers; the server still decides. */
export function atLeast(actual: RoleName | undefined, required: RoleName) {
  return actual !== undefined && rank[actual] >= rank[required];
}

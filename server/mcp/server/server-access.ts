// Who may call a published server: "Anyone with the URL", "API key" (the server's bearer keys) or "Switchyard
// sign-in" (OAuth; workspace members, or only chosen ones). The endpoint enforces it (access.ts); this is the
// console's side: reading and changing it, in one transaction that every instance sees at its next request. The
// server is an app's, or the workspace's (appId null): the same modes, kept on its own row.
import "server-only";
import { getAppOrThrow } from "@/server/apps/apps";
import { getDb } from "@/server/db";
import { findMemberIds, listServerPeople, replaceServerPeople, updateServerSettings } from "@/server/db/queries/published-server-access";
import { getPublishedServer } from "@/server/db/queries/published-servers";
import { getWorkspaceServer } from "@/server/db/queries/workspace-servers";
import type { PublishedServer } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { changeEndpoint } from "./endpoint-cache";

export type AccessMode = PublishedServer["accessMode"];
export const accessModes = ["url", "api_key", "sign_in"] as const satisfies readonly AccessMode[];

export type ServerRef = { workspaceId: string; appId: string | null };

export interface AccessChoice {
  mode: AccessMode;
  /** Sign-in only: just `people`, not every member. */
  restricted?: boolean;
  people?: string[];
}

/** The mode, whether sign-in is restricted, and the chosen people (still members); url mode for a server never turned on. */
export async function getServerAccess(ref: ServerRef, server?: Pick<PublishedServer, "accessMode" | "signInRestricted"> | null) {
  const db = await getDb();
  const row = server !== undefined ? server : ref.appId === null ? await getWorkspaceServer(db, ref) : await getPublishedServer(db, { ...ref, appId: ref.appId });
  if (!row) return { mode: "url" as AccessMode, restricted: false, people: [] };
  return { mode: row.accessMode, restricted: row.signInRestricted, people: await listServerPeople(db, ref) };
}

/**
 * Sets who may call. The people are written only with the sign-in mode (other modes keep them, so switching back
 * restores the choice); they must be members of the workspace, and a restricted server needs at least one.
 */
export async function setServerAccess(ref: ServerRef, choice: AccessChoice) {
  await assertServerOwner(ref);
  const signIn = choice.mode === "sign_in";
  const people = [...new Set(choice.people ?? [])];
  const restricted = signIn ? Boolean(choice.restricted) : undefined;
  if (signIn) await assertPeople(ref.workspaceId, people, Boolean(restricted));

  const updated = await changeEndpoint(ref, (db) =>
    db.transaction(async (tx) => {
      const row = await updateServerSettings(tx, { ...ref, accessMode: choice.mode, signInRestricted: restricted });
      if (!row) return null;
      if (signIn) await replaceServerPeople(tx, { ...ref, userIds: restricted ? people : [] });
      // Checked again inside the transaction: someone removed from the workspace meanwhile is not written.
      if (signIn && restricted && (await findMemberIds(tx, { workspaceId: ref.workspaceId, userIds: people })).length !== people.length) {
        throw notMembers();
      }
      return row;
    }),
  );
  if (!updated) {
    throw new AppError("not_found:mcp_server", `Turn the ${ref.appId === null ? "workspace " : ""}MCP server on first: access is a setting of the server.`);
  }
  return getServerAccess(ref, updated);
}

/** An app's server is reached through its app, which must be of this workspace; the workspace server has none. */
export async function assertServerOwner(ref: ServerRef) {
  if (ref.appId !== null) await getAppOrThrow({ workspaceId: ref.workspaceId, id: ref.appId });
}

async function assertPeople(workspaceId: string, people: string[], restricted: boolean) {
  if (restricted && people.length === 0) {
    throw new AppError("bad_request:mcp_server", "Choose at least one person, or let every member of the workspace sign in.");
  }
  if (!restricted) return;
  const members = await findMemberIds(await getDb(), { workspaceId, userIds: people });
  if (members.length !== people.length) throw notMembers();
}

function notMembers() {
  return new AppError("bad_request:mcp_server", "Only members of this workspace can be chosen. Invite them to the workspace first.");
}

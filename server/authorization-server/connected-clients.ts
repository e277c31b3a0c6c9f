// The lists people revoke from: the clients connected to one published server (an app's MCP Server tab, or the
// workspace server's page) and a person's own grants across workspaces (account settings). Revoking goes through
// revokeGrant, so every token and code of the grant goes with it and the next request with any of them is refused
// on every instance.
import "server-only";
import { getAppOrThrow } from "@/server/apps/apps";
import { getDb } from "@/server/db";
import { listGrantsForServer, listGrantsForUser } from "@/server/db/queries/oauth-server-grants";
import { AppError } from "@/server/errors";
import type { ServerRef } from "./resource-server";
import { revokeGrant } from "./revoke-grant";

// An app of another workspace is not found; the workspace server needs no check (its workspace is the caller's).
async function assertServer(ref: ServerRef) {
  if (ref.appId !== null) await getAppOrThrow({ workspaceId: ref.workspaceId, id: ref.appId });
}

export async function listConnectedClients(ref: ServerRef) {
  await assertServer(ref);
  return listGrantsForServer(await getDb(), ref);
}

export async function revokeConnectedClient(ref: ServerRef, grantId: string) {
  await assertServer(ref);
  if (!(await revokeGrant({ grantId, scope: ref }))) throw grantGone();
}

export async function listMyGrants({ userId }: { userId: string }) {
  return listGrantsForUser(await getDb(), { userId });
}

export async function revokeMyGrant({ userId, grantId }: { userId: string; grantId: string }) {
  if (!(await revokeGrant({ grantId, scope: { userId } }))) throw grantGone();
}

function grantGone() {
  return new AppError("not_found:oauth_grant", "This connection does not exist or was already revoked.");
}

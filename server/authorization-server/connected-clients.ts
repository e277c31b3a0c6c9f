// The lists people revoke from: the clients connected to one published server (its MCP Server tab) and a person's
// own grants across workspaces (account settings). Revoking goes through revokeGrant, so every token and code of
// the grant goes with it and the next request with any of them is refused on every instance.
import "server-only";
import { getAppOrThrow } from "@/server/apps/apps";
import { getDb } from "@/server/db";
import { listGrantsForApp, listGrantsForUser } from "@/server/db/queries/oauth-server-grants";
import { AppError } from "@/server/errors";
import { revokeGrant } from "./revoke-grant";

type AppRef = { workspaceId: string; appId: string };

export async function listConnectedClients(ref: AppRef) {
  await getAppOrThrow({ workspaceId: ref.workspaceId, id: ref.appId });
  return listGrantsForApp(await getDb(), ref);
}

export async function revokeConnectedClient(ref: AppRef, grantId: string) {
  await getAppOrThrow({ workspaceId: ref.workspaceId, id: ref.appId });
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

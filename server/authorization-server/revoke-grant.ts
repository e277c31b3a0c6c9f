// Revoking a grant: the grant, its refresh and access tokens and any unused code go at once, so the next request
// with any of them is refused on every instance (tokens are looked up in PostgreSQL on every call, see
// verify-access-token.ts).
import "server-only";
import { getDb } from "@/server/db";
import { deleteGrant } from "@/server/db/queries/oauth-server-grants";
import { recordId } from "./record-id";

export async function revokeGrant({ grantId, scope }: { grantId: string; scope: { workspaceId: string; appId: string | null } | { userId: string } }) {
  const db = await getDb();
  return db.transaction((tx) => deleteGrant(tx, { grantId, grantRecordId: recordId("Grant", grantId), scope }));
}

import "server-only";
import { and, desc, eq, inArray, or } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { oauthServerClients, oauthServerGrants, oauthServerRecords, users } from "@/server/db/schema";

// Clients of our authorization server that an admin registered in Settings ("preregistered"), bound to one
// workspace. Their oidc-provider metadata (with the client secret, if any) is sealed in metadata_ciphertext; the
// list opens it in the domain (server/authorization-server/preregistered-clients.ts), never here.

export async function insertPreregisteredClient(
  db: Tx,
  values: { clientId: string; workspaceId: string; name: string; createdBy: string; metadataCiphertext: string },
) {
  const [row] = await db
    .insert(oauthServerClients)
    .values({ ...values, kind: "preregistered" })
    .returning({ clientId: oauthServerClients.clientId, name: oauthServerClients.name, createdAt: oauthServerClients.createdAt });
  return row!;
}

export async function listPreregisteredClients(db: Tx, { workspaceId }: { workspaceId: string }) {
  return db
    .select({
      clientId: oauthServerClients.clientId,
      name: oauthServerClients.name,
      metadataCiphertext: oauthServerClients.metadataCiphertext,
      createdAt: oauthServerClients.createdAt,
      creatorName: users.name,
      creatorEmail: users.email,
    })
    .from(oauthServerClients)
    .leftJoin(users, eq(users.id, oauthServerClients.createdBy))
    .where(and(eq(oauthServerClients.workspaceId, workspaceId), eq(oauthServerClients.kind, "preregistered")))
    .orderBy(desc(oauthServerClients.createdAt));
}

/** Removes the client row; whether it was there (and this workspace's). */
export async function deletePreregisteredClient(db: Tx, { workspaceId, clientId }: { workspaceId: string; clientId: string }) {
  const rows = await db
    .delete(oauthServerClients)
    .where(and(eq(oauthServerClients.clientId, clientId), eq(oauthServerClients.workspaceId, workspaceId), eq(oauthServerClients.kind, "preregistered")))
    .returning({ clientId: oauthServerClients.clientId });
  return rows.length > 0;
}

/** Deletes this client's grants in the workspace; their ids, so what was issued under them can go too. */
export async function deleteClientGrants(db: Tx, { workspaceId, clientId }: { workspaceId: string; clientId: string }) {
  const rows = await db
    .delete(oauthServerGrants)
    .where(and(eq(oauthServerGrants.clientId, clientId), eq(oauthServerGrants.workspaceId, workspaceId)))
    .returning({ grantId: oauthServerGrants.grantId });
  return rows.map((r) => r.grantId);
}

/** Tokens and codes issued under these grants, and the grants' own records (`Grant:<hash>`). */
export async function deleteRecordsOfGrants(db: Tx, { grantIds, grantRecordIds }: { grantIds: string[]; grantRecordIds: string[] }) {
  if (grantIds.length === 0) return;
  await db.delete(oauthServerRecords).where(or(inArray(oauthServerRecords.grantId, grantIds), inArray(oauthServerRecords.id, grantRecordIds)));
}

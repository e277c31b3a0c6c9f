import "server-only";
import { and, eq, isNotNull, lt } from "drizzle-orm";
import type { Tx } from "@/server/db";
import { oauthServerClients, oauthServerGrants, oauthServerRecords, type OauthServerClient, type OauthServerRecord } from "@/server/db/schema";

// What oidc-provider keeps (server/authorization-server/adapter.ts turns its calls into these). Rows are keyed by
// the hash of the provider's id; payloads arrive sealed.

export async function upsertRecord(db: Tx, values: typeof oauthServerRecords.$inferInsert) {
  await db
    .insert(oauthServerRecords)
    .values(values)
    .onConflictDoUpdate({ target: oauthServerRecords.id, set: { payloadCiphertext: values.payloadCiphertext, expiresAt: values.expiresAt, grantId: values.grantId, uidHash: values.uidHash } });
}

export async function insertRecordIfAbsent(db: Tx, values: typeof oauthServerRecords.$inferInsert) {
  await db.insert(oauthServerRecords).values(values).onConflictDoNothing();
}

export async function findRecord(db: Tx, { id }: { id: string }): Promise<OauthServerRecord | null> {
  const [row] = await db.select().from(oauthServerRecords).where(eq(oauthServerRecords.id, id));
  return row ?? null;
}

export async function findRecordByUid(db: Tx, { model, uidHash }: { model: string; uidHash: string }): Promise<OauthServerRecord | null> {
  const [row] = await db.select().from(oauthServerRecords).where(and(eq(oauthServerRecords.model, model), eq(oauthServerRecords.uidHash, uidHash)));
  return row ?? null;
}

/** Marks a code or refresh token used: oidc-provider refuses it from then on, and revokes the grant if it comes back. */
export async function consumeRecord(db: Tx, { id }: { id: string }) {
  await db.update(oauthServerRecords).set({ consumedAt: new Date() }).where(eq(oauthServerRecords.id, id));
}

export async function deleteRecord(db: Tx, { id }: { id: string }) {
  await db.delete(oauthServerRecords).where(eq(oauthServerRecords.id, id));
}

/** Everything issued under a grant, the grant itself and its row in the lists. */
export async function deleteGrantRecords(db: Tx, { grantId }: { grantId: string }) {
  await db.delete(oauthServerRecords).where(eq(oauthServerRecords.grantId, grantId));
  await db.delete(oauthServerGrants).where(eq(oauthServerGrants.grantId, grantId));
}

export async function findClient(db: Tx, { clientId }: { clientId: string }): Promise<OauthServerClient | null> {
  // PostgreSQL text cannot hold NUL, so no client has such an id; asking would fail the query (a 500 for a client_id
  // of "%00" at /oauth/authorize and /oauth/token, found by tests/integration/fuzz-authorization-server.test.ts).
  if (clientId.includes("\u0000")) return null;
  const [row] = await db.select().from(oauthServerClients).where(eq(oauthServerClients.clientId, clientId));
  return row ?? null;
}

export async function upsertDynamicClient(db: Tx, values: Pick<OauthServerClient, "clientId" | "name" | "metadataCiphertext" | "expiresAt">) {
  await db
    .insert(oauthServerClients)
    .values({ ...values, kind: "dynamic" })
    .onConflictDoUpdate({ target: oauthServerClients.clientId, set: { name: values.name, metadataCiphertext: values.metadataCiphertext } });
}

export async function deleteClient(db: Tx, { clientId }: { clientId: string }) {
  await db.delete(oauthServerClients).where(eq(oauthServerClients.clientId, clientId));
}

/** A registration that a grant has used is kept: its expiry goes. */
export async function keepClient(db: Tx, { clientId }: { clientId: string }) {
  await db.update(oauthServerClients).set({ expiresAt: null }).where(and(eq(oauthServerClients.clientId, clientId), isNotNull(oauthServerClients.expiresAt)));
}

/** Expired records and never-used registrations past their time. */
export async function deleteExpiredAuthorizationState(db: Tx, { now = new Date() }: { now?: Date } = {}) {
  const records = await db.delete(oauthServerRecords).where(and(isNotNull(oauthServerRecords.expiresAt), lt(oauthServerRecords.expiresAt, now))).returning({ id: oauthServerRecords.id });
  const clients = await db
    .delete(oauthServerClients)
    .where(and(eq(oauthServerClients.kind, "dynamic"), isNotNull(oauthServerClients.expiresAt), lt(oauthServerClients.expiresAt, now)))
    .returning({ clientId: oauthServerClients.clientId });
  return { records: records.length, clients: clients.length };
}

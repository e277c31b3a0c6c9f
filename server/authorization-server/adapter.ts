// oidc-provider's storage (its Adapter interface) over PostgreSQL, so any instance can answer any step of a flow.
// Every model goes in oauth_server_records under the hash of its id; the payload is sealed with the deployment's
// encryption key and bound to its row. Token models also leave their own value out of the payload: a token, code or
// registration access token exists at rest only as a hash. Clients live in oauth_server_clients, where Settings
// lists the pre-registered ones and where unused dynamic registrations expire.
import "server-only";
import type { Adapter, AdapterPayload } from "oidc-provider";
import { openSecret, sealSecret } from "@/server/crypto/secret-box";
import { hashToken } from "@/server/crypto/tokens";
import { getDb } from "@/server/db";
import {
  consumeRecord,
  deleteClient,
  deleteGrantRecords,
  deleteRecord,
  findClient,
  findRecord,
  findRecordByUid,
  upsertDynamicClient,
  upsertRecord,
} from "@/server/db/queries/oauth-server-records";
import { recordId } from "./record-id";

const tokenModels = new Set(["AccessToken", "RefreshToken", "AuthorizationCode", "RegistrationAccessToken", "ClientCredentials", "DeviceCode", "BackchannelAuthenticationRequest"]);
/** A dynamic registration that no one approves within a day is removed (deleteExpiredAuthorizationState). */
const unusedRegistrationSeconds = 24 * 3600;

export const recordAad = (id: string) => `oauth_server_records:${id}`;
export const clientAad = (clientId: string) => `oauth_server_clients:${clientId}`;

export class PostgresAdapter implements Adapter {
  constructor(private readonly model: string) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    const db = await getDb();
    if (this.model === "Client") {
      const clientId = String(payload.client_id);
      const metadataCiphertext = sealSecret(JSON.stringify(payload), clientAad(clientId));
      const expiresAt = new Date(Date.now() + unusedRegistrationSeconds * 1000);
      return upsertDynamicClient(db, { clientId, name: String(payload.client_name ?? clientId), metadataCiphertext, expiresAt });
    }
    const key = recordId(this.model, id);
    const stored = tokenModels.has(this.model) ? { ...payload, jti: undefined } : payload;
    await upsertRecord(db, {
      id: key,
      model: this.model,
      grantId: this.model === "Grant" ? id : (payload.grantId ?? null),
      uidHash: payload.uid ? hashToken(payload.uid) : null,
      payloadCiphertext: sealSecret(JSON.stringify(stored), recordAad(key)),
      expiresAt: expiresIn ? new Date(Date.now() + expiresIn * 1000) : null,
    });
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    const db = await getDb();
    if (this.model === "Client") {
      const client = await findClient(db, { clientId: id });
      return client ? (JSON.parse(openSecret(client.metadataCiphertext, clientAad(client.clientId))) as AdapterPayload) : undefined;
    }
    const row = await findRecord(db, { id: recordId(this.model, id) });
    return row ? this.open(row, id) : undefined;
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    const row = await findRecordByUid(await getDb(), { model: this.model, uidHash: hashToken(uid) });
    return row ? this.open(row) : undefined;
  }

  async findByUserCode(): Promise<AdapterPayload | undefined> {
    return undefined; // the device flow is off
  }

  async consume(id: string): Promise<void> {
    await consumeRecord(await getDb(), { id: recordId(this.model, id) });
  }

  async destroy(id: string): Promise<void> {
    const db = await getDb();
    if (this.model === "Client") return deleteClient(db, { clientId: id });
    if (this.model === "Grant") return deleteGrantRecords(db, { grantId: id });
    await deleteRecord(db, { id: recordId(this.model, id) });
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    await deleteGrantRecords(await getDb(), { grantId });
  }

  private open(row: { id: string; payloadCiphertext: string; expiresAt: Date | null; consumedAt: Date | null }, id?: string): AdapterPayload | undefined {
    if (row.expiresAt && row.expiresAt.getTime() <= Date.now()) return undefined;
    const payload = JSON.parse(openSecret(row.payloadCiphertext, recordAad(row.id))) as AdapterPayload;
    if (id && tokenModels.has(this.model)) payload.jti = id;
    if (row.consumedAt) payload.consumed = Math.floor(row.consumedAt.getTime() / 1000);
    return payload;
  }
}

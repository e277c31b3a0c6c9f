// The provider's signing key (its jwks): only ID tokens would be signed with it (access tokens are opaque), but
// every instance must publish the same key, so one is created once, sealed, and shared through PostgreSQL.
import "server-only";
import { generateKeyPairSync } from "node:crypto";
import type { JWK } from "oidc-provider";
import { openSecret, sealSecret } from "@/server/crypto/secret-box";
import { getDb } from "@/server/db";
import { findRecord, insertRecordIfAbsent } from "@/server/db/queries/oauth-server-records";
import { recordAad } from "./adapter";

const id = "SigningKey:current";

export async function loadSigningKeys(): Promise<{ keys: JWK[] }> {
  const db = await getDb();
  let row = await findRecord(db, { id });
  if (!row) {
    const { privateKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const jwk = { ...privateKey.export({ format: "jwk" }), alg: "ES256", use: "sig", kid: crypto.randomUUID() };
    // Two instances starting together both try; the first insert wins and both read it back.
    await insertRecordIfAbsent(db, { id, model: "SigningKey", payloadCiphertext: sealSecret(JSON.stringify(jwk), recordAad(id)) });
    row = await findRecord(db, { id });
  }
  return { keys: [JSON.parse(openSecret(row!.payloadCiphertext, recordAad(id))) as JWK] };
}

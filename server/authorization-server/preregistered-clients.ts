// Pre-registered clients (Settings -> OAuth clients): an admin registers a client for a service that cannot use
// dynamic registration or a client ID metadata document (ChatGPT's "predefined client", an in-house tool). The
// metadata is what oidc-provider reads for the client (its Client Metadata, OIDC Registration §2 / RFC 7591 §2),
// sealed because a confidential client's secret is in it: oidc-provider compares the secret as sent, so it cannot be
// a hash. The secret is shown once, at creation.
import "server-only";
import { openSecret, sealSecret } from "@/server/crypto/secret-box";
import { generateToken } from "@/server/crypto/tokens";
import { getDb } from "@/server/db";
import {
  deleteClientGrants,
  deleteRecordsOfGrants,
  deletePreregisteredClient as deleteClientRow,
  insertPreregisteredClient,
  listPreregisteredClients as listClientRows,
} from "@/server/db/queries/oauth-server-clients";
import { AppError } from "@/server/errors";
import { clientAad } from "./adapter";
import { recordId } from "./record-id";
import { redirectUriProblem } from "./redirect-uri-rule";

export const clientAuthMethods = ["none", "client_secret_basic", "client_secret_post"] as const;
export type ClientAuthMethod = (typeof clientAuthMethods)[number];

/** The client metadata oidc-provider takes for a pre-registered client. */
export interface PreregisteredClientMetadata {
  client_id: string;
  client_secret?: string;
  client_name: string;
  redirect_uris: string[];
  grant_types: ["authorization_code", "refresh_token"];
  response_types: ["code"];
  token_endpoint_auth_method: ClientAuthMethod;
}

export interface NewPreregisteredClient {
  name: string;
  redirectUris: string[];
  /** public: PKCE only, no secret (RFC 6749 §2.1); confidential: a secret sent with basic auth, or in the body if chosen. */
  type: "public" | "confidential";
  secretMethod?: "client_secret_basic" | "client_secret_post";
}

/** The URIs, trimmed and without repeats; refused with the first problem found, naming the URI. */
export function checkRedirectUris(uris: string[]): string[] {
  const unique = [...new Set(uris.map((u) => u.trim()).filter(Boolean))];
  if (unique.length === 0) throw new AppError("bad_request:oauth_client", "Add at least one redirect URI: where the client receives the authorization code.");
  for (const uri of unique) {
    const problem = redirectUriProblem(uri);
    if (problem) throw new AppError("bad_request:oauth_client", `${uri}: ${problem}.`);
  }
  return unique;
}

export async function createPreregisteredClient(ref: { workspaceId: string; createdBy: string }, input: NewPreregisteredClient) {
  const redirectUris = checkRedirectUris(input.redirectUris);
  const clientId = generateToken("sy_client_", 16);
  const clientSecret = input.type === "confidential" ? generateToken("sy_secret_") : undefined;
  const metadata: PreregisteredClientMetadata = {
    client_id: clientId,
    ...(clientSecret ? { client_secret: clientSecret } : {}),
    client_name: input.name,
    redirect_uris: redirectUris,
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    token_endpoint_auth_method: clientSecret ? (input.secretMethod ?? "client_secret_basic") : "none",
  };
  const row = await insertPreregisteredClient(await getDb(), {
    clientId,
    workspaceId: ref.workspaceId,
    name: input.name,
    createdBy: ref.createdBy,
    metadataCiphertext: sealSecret(JSON.stringify(metadata), clientAad(clientId)),
  });
  return { ...row, clientSecret: clientSecret ?? null, redirectUris, tokenEndpointAuthMethod: metadata.token_endpoint_auth_method };
}

/** The workspace's clients as Settings lists them: never the secret. */
export async function listPreregisteredClients({ workspaceId }: { workspaceId: string }) {
  const rows = await listClientRows(await getDb(), { workspaceId });
  return rows.map(({ metadataCiphertext, ...row }) => {
    const metadata = JSON.parse(openSecret(metadataCiphertext, clientAad(row.clientId))) as PreregisteredClientMetadata;
    return {
      ...row,
      type: metadata.token_endpoint_auth_method === "none" ? ("public" as const) : ("confidential" as const),
      tokenEndpointAuthMethod: metadata.token_endpoint_auth_method,
      redirectUris: metadata.redirect_uris,
    };
  });
}

/**
 * Deletes the client and, in the same transaction, every grant it holds in this workspace with the tokens and codes
 * issued under them: a deleted client's refresh token must not outlive it (RFC 9700 §4.14).
 */
export async function deletePreregisteredClient({ workspaceId, clientId }: { workspaceId: string; clientId: string }) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (!(await deleteClientRow(tx, { workspaceId, clientId }))) {
      throw new AppError("not_found:oauth_client", "This OAuth client does not exist or was already deleted.");
    }
    const grantIds = await deleteClientGrants(tx, { workspaceId, clientId });
    await deleteRecordsOfGrants(tx, { grantIds, grantRecordIds: grantIds.map((id) => recordId("Grant", id)) });
  });
}

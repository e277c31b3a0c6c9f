// The authorization server we run for our own published endpoints (server/authorization-server/), not the OAuth
// client that connects to external servers (server/mcp/oauth, whose state lives on mcp_servers). Three tables:
// what oidc-provider stores (every model in one table, ids hashed, payloads sealed), the clients it knows, and one
// row per grant (a person letting a client reach one published server) for the lists people revoke from.
import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { apps } from "./apps";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const oauthServerRecords = pgTable(
  "oauth_server_records",
  {
    /** `<model>:<sha256 of the provider's id>`: a token, code or session id is never stored as itself. */
    id: text("id").primaryKey(),
    model: text("model").notNull(),
    /** The grant a token or code belongs to, so revoking the grant removes them all (RFC 6749 §10.4, RFC 9700 §4.14). */
    grantId: text("grant_id"),
    /** sha256 of an interaction session's uid (oidc-provider finds sessions by it). */
    uidHash: text("uid_hash"),
    /** sealSecret(JSON payload without its id, aad = `oauth_server_records:<id>`). */
    payloadCiphertext: text("payload_ciphertext").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    consumedAt: timestamp("consumed_at", { withTimezone: true }),
  },
  (t) => [
    index("oauth_server_records_grant_idx").on(t.grantId),
    index("oauth_server_records_uid_idx").on(t.uidHash),
    index("oauth_server_records_expires_idx").on(t.expiresAt),
  ],
);

export const oauthServerClients = pgTable(
  "oauth_server_clients",
  {
    clientId: text("client_id").primaryKey(),
    /** dynamic: RFC 7591 registration; preregistered: created by an admin in Settings (bound to that workspace). */
    kind: text("kind", { enum: ["dynamic", "preregistered"] }).notNull(),
    workspaceId: text("workspace_id").references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** sealSecret(JSON client metadata as oidc-provider takes it, aad = `oauth_server_clients:<clientId>`). */
    metadataCiphertext: text("metadata_ciphertext").notNull(),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    /** A dynamic registration that no grant has used yet is removed after this. Null: kept. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("oauth_server_clients_workspace_idx").on(t.workspaceId), index("oauth_server_clients_expires_idx").on(t.expiresAt)],
);

export const oauthServerGrants = pgTable(
  "oauth_server_grants",
  {
    /** oidc-provider's grant id (an identifier, not a credential: it needs the browser's session to be of any use). */
    grantId: text("grant_id").primaryKey(),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    /** The app whose server the grant reaches; null: the workspace server (workspace-servers.ts). */
    appId: text("app_id").references(() => apps.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The client id as the client sent it (a CIMD URL, a registered id or a pre-registered one). */
    clientId: text("client_id").notNull(),
    clientName: text("client_name").notNull(),
    /** Host of the redirect URI the grant was approved for: what the consent page compares new requests with. */
    redirectHost: text("redirect_host").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [
    index("oauth_server_grants_app_idx").on(t.workspaceId, t.appId),
    index("oauth_server_grants_user_idx").on(t.userId),
    index("oauth_server_grants_client_user_idx").on(t.clientId, t.userId, t.appId),
  ],
);

export type OauthServerRecord = typeof oauthServerRecords.$inferSelect;
export type OauthServerClient = typeof oauthServerClients.$inferSelect;
export type OauthServerGrant = typeof oauthServerGrants.$inferSelect;

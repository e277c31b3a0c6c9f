// External MCP servers connected as tool providers. Header values, OAuth secrets and tokens are sealed (server/crypto).
import { index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, unique } from "drizzle-orm/pg-core";
import { users } from "./users";
import { workspaces } from "./workspaces";

export const mcpTransportEnum = pgEnum("mcp_transport", ["auto", "streamable_http", "sse"]);
export const mcpStatusEnum = pgEnum("mcp_status", ["unknown", "connected", "needs_authorization", "error"]);
/** How the server last answered: 2026-07-28 (stateless), 2025 Streamable HTTP with or without a session, HTTP+SSE. */
export const mcpConnectionKindEnum = pgEnum("mcp_connection_kind", ["modern", "session", "stateless", "sse"]);
export const mcpAuthModeEnum = pgEnum("mcp_auth_mode", ["none", "oauth_auto", "oauth_custom"]);

export interface StoredHeader {
  name: string;
  /** sealSecret(value, aad = `${serverId}:header:${name}`). */
  valueCiphertext: string;
}

/** A tool as the server listed it (MCP Tool), kept so the UI and agents work without a round trip. */
export interface McpToolInfo {
  name: string;
  title?: string;
  description?: string;
  inputSchema: Record<string, unknown>;
  outputSchema?: Record<string, unknown>;
  annotations?: Record<string, unknown>;
  /** The tool's MCP App (the MCP Apps extension's `_meta.ui.resourceUri`): a `ui://` resource shown with its result. */
  uiResourceUri?: string;
}

export const mcpServers = pgTable(
  "mcp_servers",
  {
    id: text("id").primaryKey().$defaultFn(() => crypto.randomUUID()),
    workspaceId: text("workspace_id")
      .notNull()
      .references(() => workspaces.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    /** Short id used to namespace tool names for models: [a-z0-9_-]{1,24}, unique in the workspace. */
    identifier: text("identifier").notNull(),
    /** The URL as shown (maskUrl: credentials in userinfo, query or path masked); the plain URL only in rows from
     * before sealing, which writes and `npm run admin -- secrets:reseal` seal. */
    url: text("url").notNull(),
    /** sealSecret(url, aad = `mcp_servers:${id}:url`): the URL requests go to. */
    urlCiphertext: text("url_ciphertext"),
    icon: text("icon").notNull().default("🔌"),
    iconBackground: text("icon_background").notNull().default("#E0E7FF"),
    transport: mcpTransportEnum("transport").notNull().default("auto"),
    headers: jsonb("headers").$type<StoredHeader[]>().notNull().default([]),
    connectTimeoutMs: integer("connect_timeout_ms").notNull().default(30_000),
    callTimeoutMs: integer("call_timeout_ms").notNull().default(60_000),
    sseReadTimeoutMs: integer("sse_read_timeout_ms").notNull().default(300_000),
    tools: jsonb("tools").$type<McpToolInfo[]>().notNull().default([]),
    toolsUpdatedAt: timestamp("tools_updated_at", { withTimezone: true }),
    /** When the server last sent notifications/tools/list_changed; cleared by a refresh of the tool list. */
    toolsChangedAt: timestamp("tools_changed_at", { withTimezone: true }),
    /** Protocol era and version found by the last successful tool listing (Test connection does not store). */
    connectionKind: mcpConnectionKindEnum("connection_kind"),
    protocolVersion: text("protocol_version"),
    status: mcpStatusEnum("status").notNull().default("unknown"),
    statusReason: text("status_reason"),
    statusAt: timestamp("status_at", { withTimezone: true }),
    authMode: mcpAuthModeEnum("auth_mode").notNull().default("none"),
    /** Custom OAuth client (entered by the user). */
    oauthClientId: text("oauth_client_id"),
    oauthClientSecretCiphertext: text("oauth_client_secret_ciphertext"),
    oauthScopes: text("oauth_scopes"),
    /** Client information from dynamic registration, sealed JSON. */
    oauthClientInfoCiphertext: text("oauth_client_info_ciphertext"),
    /** Tokens, sealed JSON, bound to the issuer that issued them. */
    oauthTokensCiphertext: text("oauth_tokens_ciphertext"),
    oauthIssuer: text("oauth_issuer"),
    oauthTokenExpiresAt: timestamp("oauth_token_expires_at", { withTimezone: true }),
    /** "shared": one connection for the workspace (the columns above); "per_person": each member authorizes their
     * own account, and a run uses the tokens of the person it runs for (mcp_person_connections). */
    credentialScope: text("credential_scope", { enum: ["shared", "per_person"] }).notNull().default("shared"),
    createdBy: text("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("mcp_servers_workspace_identifier").on(t.workspaceId, t.identifier), index("mcp_servers_workspace_idx").on(t.workspaceId)],
);

/** A person's own OAuth connection to a per-person server: their tokens, sealed and bound to the issuer. */
export const mcpPersonConnections = pgTable(
  "mcp_person_connections",
  {
    serverId: text("server_id")
      .notNull()
      .references(() => mcpServers.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    workspaceId: text("workspace_id").notNull(),
    status: mcpStatusEnum("status").notNull().default("unknown"),
    statusReason: text("status_reason"),
    statusAt: timestamp("status_at", { withTimezone: true }),
    /** Sealed JSON, aad `mcp_person_connections:<serverId>:<userId>:tokens`. */
    oauthTokensCiphertext: text("oauth_tokens_ciphertext"),
    oauthIssuer: text("oauth_issuer"),
    oauthTokenExpiresAt: timestamp("oauth_token_expires_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.serverId, t.userId] }), index("mcp_person_connections_user_idx").on(t.workspaceId, t.userId)],
);

export type McpServer = typeof mcpServers.$inferSelect;
export type McpPersonConnection = typeof mcpPersonConnections.$inferSelect;
export type NewMcpServer = typeof mcpServers.$inferInsert;

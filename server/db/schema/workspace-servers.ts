// The workspace MCP server: one secret URL whose tools are the workspace's published apps, one tool each. Its
// access mode works as an app server's (published-servers.ts); which apps it offers is a switch per app, and an
// app nobody switched follows "include newly published apps automatically".
import { boolean, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { apps } from "./apps";
import { workspaces } from "./workspaces";

export const workspaceServers = pgTable("workspace_servers", {
  workspaceId: text("workspace_id")
    .primaryKey()
    .references(() => workspaces.id, { onDelete: "cascade" }),
  enabled: boolean("enabled").notNull().default(false),
  /** SHA-256 of the code in the URL, in the same space as published_servers' codes (both are served at /mcp/server/<code>/mcp). */
  codeHash: text("code_hash").notNull().unique(),
  /** Sealed code, so the owner can copy the URL again (aad = workspace_servers:<workspace id>:code). */
  codeCiphertext: text("code_ciphertext").notNull(),
  accessMode: text("access_mode", { enum: ["url", "api_key", "sign_in"] }).notNull().default("url"),
  signInRestricted: boolean("sign_in_restricted").notNull().default(false),
  /** Apps without a row in workspace_server_apps are offered when this is on. */
  includeNewApps: boolean("include_new_apps").notNull().default(true),
  /** The server's `instructions` (MCP 2025-06-18): what its tools are for, shown to the client's model. */
  instructions: text("instructions").notNull().default(""),
  /** A tool that asks first, called by a client that cannot be asked (no elicitation): refuse and say so, or run. */
  approvalPolicy: text("approval_policy", { enum: ["deny", "allow"] }).notNull().default("deny"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** The owner's switch for one app; no row means the server's includeNewApps decides. */
export const workspaceServerApps = pgTable("workspace_server_apps", {
  appId: text("app_id")
    .primaryKey()
    .references(() => apps.id, { onDelete: "cascade" }),
  workspaceId: text("workspace_id").notNull(),
  included: boolean("included").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type WorkspaceServer = typeof workspaceServers.$inferSelect;

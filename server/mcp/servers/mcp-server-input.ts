// What a person may send for an MCP server: checked here once, for the form, the API and tests alike.
import { z } from "zod";

export const identifierSchema = z
  .string()
  .regex(/^[a-z0-9_-]{1,24}$/, "Use up to 24 lowercase letters, digits, _ or -.");

export const headerInputSchema = z.object({
  name: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, "Header names use letters, digits and - only.")
    // A valid HTTP token, but fetch's Headers drops it from a plain object without a word: refuse rather than lose it.
    .refine((n) => n !== "__proto__", "That header name cannot be sent; choose another."),
  value: z.string().max(8_000).refine((v) => !/[\r\n]/.test(v), "Header values cannot contain line breaks."),
});

const reservedHeaders = new Set(["host", "content-length", "content-type", "accept", "connection", "mcp-session-id", "mcp-protocol-version"]);

export const connectionInputSchema = z.object({
  url: z
    .url("Enter the server URL, like https://example.com/mcp")
    .max(2_000)
    .refine((u) => /^https?:$/.test(new URL(u).protocol), "Use an http or https URL."),
  transport: z.enum(["auto", "streamable_http", "sse"]).default("auto"),
  headers: z
    .array(headerInputSchema)
    .max(20)
    .default([])
    .refine((hs) => new Set(hs.map((h) => h.name.toLowerCase())).size === hs.length, "Each header name may appear once.")
    .refine((hs) => hs.every((h) => !reservedHeaders.has(h.name.toLowerCase())), "That header is set by the MCP client itself."),
  connectTimeoutMs: z.number().int().min(1_000).max(300_000).default(30_000),
  callTimeoutMs: z.number().int().min(1_000).max(3_600_000).default(60_000),
  sseReadTimeoutMs: z.number().int().min(1_000).max(3_600_000).default(300_000),
});

/** Automatic: discovery, then a client ID metadata document or dynamic registration. Custom: a client the person registered. */
export const authModeSchema = z.enum(["none", "oauth_auto", "oauth_custom"]);

export const mcpServerInputSchema = connectionInputSchema.extend({
  authMode: authModeSchema.default("oauth_auto"),
  /** Custom OAuth client; required when authMode is oauth_custom (checked in mcp-servers.ts). */
  oauthClientId: z.string().trim().max(500).optional(),
  /** Sent back masked when unchanged, like header values. */
  oauthClientSecret: z.string().max(2_000).optional(),
  oauthScopes: z
    .string()
    .trim()
    .max(1_000)
    .refine((v) => !/[\r\n"\\]/.test(v), "Scopes are space-separated words.")
    .optional(),
  /** Shared: one connection for the workspace. Per person: each member connects their own account (OAuth only). */
  credentialScope: z.enum(["shared", "per_person"]).default("shared"),
  name: z.string().trim().min(1, "Give the server a name.").max(60),
  identifier: identifierSchema,
  icon: z.string().trim().min(1).max(16).default("🔌"),
  iconBackground: z.string().regex(/^#[0-9a-fA-F]{6}$/).default("#E0E7FF"),
});

export type ConnectionInput = z.infer<typeof connectionInputSchema>;
export type McpServerInput = z.infer<typeof mcpServerInputSchema>;

// Every sealed value at rest and the associated data it was sealed with: the list key retirement walks. A new sealed
// column is added here (grep sealSecret), or `secrets:reseal` leaves it on the old key and removing that key breaks it.
// Not here: OAuth flow states in the KV store, sealed too but gone ten minutes after they start.
import "server-only";
import { maskUrl } from "@/server/crypto/mask-url";
import type { StoredHeader } from "@/server/db/schema";
import type { SealedColumnRef } from "@/server/db/queries/sealed-values";
import { clientAad, recordAad } from "@/server/authorization-server/adapter";
import { providerKeyAad } from "@/server/llm/provider-key";
import { oauthAad } from "@/server/mcp/oauth/server-oauth";
import { personTokensAad } from "@/server/mcp/oauth/token-owner";
import { serverCodeAad, workspaceServerCodeAad } from "@/server/mcp/server/server-code";
import { headerAad } from "@/server/mcp/servers/headers";
import { serverUrlAad } from "@/server/mcp/servers/server-url";

type Row = Record<string, unknown>;

/** Sealing with the first key of ENCRYPTION_KEYS, as the reseal run sees it. */
export interface ResealBox {
  isCurrent(ciphertext: string): boolean;
  reseal(ciphertext: string, aad: string): string;
  seal(plaintext: string, aad: string): string;
}

export interface SealedValueChange {
  column: string;
  from: unknown;
  to: unknown;
  json?: boolean;
}

export interface SealedColumn extends SealedColumnRef {
  name: string;
  /** The row's new values, "current" when nothing needs resealing, null when it holds nothing sealed. Throws when a value cannot be opened. */
  plan(row: Row, box: ResealBox): SealedValueChange[] | "current" | null;
}

function textColumn(table: string, key: string, column: string, aad: (row: Row) => string, extra: string[] = []): SealedColumn {
  return {
    name: `${table}.${column}`,
    table,
    key,
    columns: [column, ...extra],
    plan(row, box) {
      const value = row[column] as string | null;
      if (value === null) return null;
      return box.isCurrent(value) ? "current" : [{ column, from: value, to: box.reseal(value, aad(row)) }];
    },
  };
}

const id = (row: Row) => row.id as string;

export const sealedColumns: SealedColumn[] = [
  textColumn("model_providers", "id", "api_key_ciphertext", (r) => providerKeyAad(id(r))),
  {
    name: "mcp_servers.headers",
    table: "mcp_servers",
    key: "id",
    columns: ["headers"],
    plan(row, box) {
      const headers = row.headers as StoredHeader[];
      if (headers.length === 0) return null;
      if (headers.every((h) => box.isCurrent(h.valueCiphertext))) return "current";
      const to = headers.map((h) => ({ ...h, valueCiphertext: box.isCurrent(h.valueCiphertext) ? h.valueCiphertext : box.reseal(h.valueCiphertext, headerAad(id(row), h.name)) }));
      return [{ column: "headers", from: headers, to, json: true }];
    },
  },
  {
    // Rows saved before URLs were sealed hold the plain URL: sealed here, and the plain column keeps only its mask.
    name: "mcp_servers.url_ciphertext",
    table: "mcp_servers",
    key: "id",
    columns: ["url_ciphertext", "url"],
    plan(row, box) {
      const sealed = row.url_ciphertext as string | null;
      if (sealed !== null) return box.isCurrent(sealed) ? "current" : [{ column: "url_ciphertext", from: sealed, to: box.reseal(sealed, serverUrlAad(id(row))) }];
      const url = row.url as string;
      return [
        { column: "url_ciphertext", from: null, to: box.seal(url, serverUrlAad(id(row))) },
        { column: "url", from: url, to: maskUrl(url) },
      ];
    },
  },
  textColumn("mcp_servers", "id", "oauth_client_secret_ciphertext", (r) => oauthAad(id(r), "client_secret")),
  textColumn("mcp_servers", "id", "oauth_client_info_ciphertext", (r) => oauthAad(id(r), "client")),
  textColumn("mcp_servers", "id", "oauth_tokens_ciphertext", (r) => oauthAad(id(r), "tokens")),
  {
    ...textColumn("mcp_person_connections", "server_id", "oauth_tokens_ciphertext", (r) => personTokensAad(r.server_id as string, r.user_id as string)),
    tieKey: "user_id",
  },
  textColumn("published_servers", "app_id", "code_ciphertext", (r) => serverCodeAad(r.app_id as string)),
  textColumn("workspace_servers", "workspace_id", "code_ciphertext", (r) => workspaceServerCodeAad(r.workspace_id as string)),
  // The authorization server's clients (pre-registered and dynamic) and its records (tokens, codes, sessions, grants),
  // with the aad its adapter seals them with.
  textColumn("oauth_server_clients", "client_id", "metadata_ciphertext", (r) => clientAad(r.client_id as string)),
  textColumn("oauth_server_records", "id", "payload_ciphertext", (r) => recordAad(id(r))),
];

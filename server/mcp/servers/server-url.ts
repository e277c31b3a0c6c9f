// A server's URL at rest: sealed like its headers (many servers carry their key in the URL), with the masked form
// in the plain `url` column for listings. Rows from before sealing hold the plain URL and no ciphertext until their
// next save or `npm run admin -- secrets:reseal`; both read through openServerUrl.
import "server-only";
import { maskUrl } from "@/server/crypto/mask-url";
import { openSecret, sealSecret } from "@/server/crypto/secret-box";
import type { McpServer } from "@/server/db/schema";

export const serverUrlAad = (serverId: string) => `mcp_servers:${serverId}:url`;

/** Column values for a URL: the shown form and the sealed one. */
export function serverUrlColumns(serverId: string, url: string) {
  return { url: maskUrl(url), urlCiphertext: sealSecret(url, serverUrlAad(serverId)) };
}

/** The URL requests go to. */
export function openServerUrl(server: Pick<McpServer, "id" | "url" | "urlCiphertext">): string {
  return server.urlCiphertext ? openSecret(server.urlCiphertext, serverUrlAad(server.id)) : server.url;
}

/** The URL as the console shows it to everyone: credentials masked, so a masked URL sent back keeps the stored one. */
export function shownServerUrl(server: Pick<McpServer, "url" | "urlCiphertext">): string {
  return server.urlCiphertext ? server.url : maskUrl(server.url);
}

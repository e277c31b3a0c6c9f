// The secrets of an MCP server form (URL, header values, custom OAuth client secret) under the one masked-secret rule
// (server/crypto/keep-masked-secret.ts): a mask keeps the stored secret only while the server's origin is unchanged.
// Save, Test connection and anything later resolve a form here, so no caller merges masked values on its own.
import "server-only";
import { keepMaskedSecrets, maskedField, type MaskedSecretField } from "@/server/crypto/keep-masked-secret";
import { maskUrl } from "@/server/crypto/mask-url";
import { containsMask } from "@/server/crypto/secret-box";
import type { McpServer } from "@/server/db/schema";
import type { HeaderInput, ResolvedHeader } from "./headers";
import { openServerUrl } from "./server-url";

export interface ServerSecretsInput {
  url: string;
  headers: HeaderInput[];
  /** Only for oauth_custom servers; other modes send none. */
  oauthClientSecret?: string | null;
}

export interface ResolvedServerSecrets {
  /** The URL requests will go to: the stored one when the masked form came back unchanged. */
  url: string;
  headers: ResolvedHeader[];
  /** The kept client secret ciphertext, or a new plain secret, or neither. */
  clientSecret: { keptCiphertext: string } | { value: string } | null;
}

export function resolveServerSecrets(input: ServerSecretsInput, existing?: McpServer | null): ResolvedServerSecrets {
  const storedUrl = existing ? openServerUrl(existing) : null;
  // A URL with a masked part stands for the stored URL only when it is exactly the stored URL's shown form: an edit
  // around a masked part (a new path, another query) cannot be merged into a URL the editor cannot see.
  const urlMasked = containsMask(input.url);
  const sameShownUrl = storedUrl !== null && input.url === maskUrl(storedUrl);
  const fields: MaskedSecretField<string>[] = [{ label: "server URL", masked: urlMasked, stored: sameShownUrl ? storedUrl : null }];
  for (const { name, value } of input.headers) {
    const previous = existing?.headers.find((h) => h.name.toLowerCase() === name.toLowerCase());
    fields.push(maskedField(`header ${name}`, value, previous?.valueCiphertext));
  }
  const secret = input.oauthClientSecret || null;
  if (secret) fields.push(maskedField("OAuth client secret", secret, existing?.oauthClientSecretCiphertext));

  const to = urlMasked && sameShownUrl ? storedUrl : input.url;
  const [keptUrl, ...kept] = keepMaskedSecrets({ from: storedUrl, to, owner: "the server's", code: "bad_request:mcp_server" }, fields);
  const headers = input.headers.map(({ name, value }, i): ResolvedHeader => (kept[i] ? { name, keptCiphertext: kept[i] } : { name, value }));
  const keptSecret = secret ? kept[input.headers.length] : null;
  return {
    url: keptUrl ?? input.url,
    headers,
    clientSecret: keptSecret ? { keptCiphertext: keptSecret } : secret ? { value: secret } : null,
  };
}

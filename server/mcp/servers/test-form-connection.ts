// "Test connection" for a form, saved or not: its secrets resolved under the one masked-secret rule, so a masked
// header, URL or token of a saved server only goes where it went before.
import "server-only";
import type { McpServer } from "@/server/db/schema";
import { createGuardedFetch } from "@/server/mcp/client/ssrf/guarded-fetch";
import { serverTokenSource } from "@/server/mcp/oauth/access-tokens";
import { createOAuthFetch } from "@/server/mcp/oauth/oauth-fetch";
import { resolvedHeaderValues } from "./headers";
import type { ConnectionInput } from "./mcp-server-input";
import { resolveServerSecrets } from "./server-secrets";
import { openServerUrl } from "./server-url";
import { testConnection } from "./test-connection";

export async function testFormConnection({ stored, connection, name }: { stored: McpServer | null; connection: ConnectionInput; name: string }) {
  const secrets = resolveServerSecrets({ url: connection.url, headers: connection.headers }, stored);
  // Kept header ciphertexts were sealed for the stored server's id; a new form has none to open.
  const headers = resolvedHeaderValues(stored?.id ?? "", secrets.headers);
  // A saved server that holds OAuth tokens is tested with them, as long as the URL they were issued for is kept.
  const withTokens = stored && stored.oauthTokensCiphertext && openServerUrl(stored) === secrets.url;
  const fetchFn = withTokens ? createOAuthFetch(createGuardedFetch(), serverTokenSource(stored)) : undefined;
  const outcome = await testConnection({ ...connection, url: secrets.url, headers, name }, fetchFn);
  return { ...outcome, tools: outcome.tools.map((t) => ({ name: t.name, description: t.description })) };
}

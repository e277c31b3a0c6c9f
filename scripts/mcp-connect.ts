// `npm run mcp:connect -- <url>`: connect to an MCP server as Switchyard does, authorizing with OAuth when it asks,
// then list its tools (and call the first). Drives the app's own OAuthClientProvider, rules and code exchange over
// an in-memory session instead of PostgreSQL; the "browser" fetches the authorization URL without following the
// redirect and reads the code from Location (the conformance suite's authorization server approves at once).
// Under `conformance client --suite auth`, MCP_CONFORMANCE_CONTEXT may carry a pre-registered client, or client
// credentials (the SDK's client-credentials providers; the console has no such grant).
import { randomBytes } from "node:crypto";
import { UnauthorizedError, type OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import { ClientCredentialsProvider, PrivateKeyJwtProvider } from "@modelcontextprotocol/sdk/client/auth-extensions.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { createGuardedFetch } from "@/server/mcp/client/ssrf/guarded-fetch";
import { exchangeCode } from "@/server/mcp/oauth/exchange-code";
import { createMcpOAuthProvider, type OAuthSession } from "@/server/mcp/oauth/oauth-provider";
import { assertCallbackIssuer, assertHttpUrl } from "@/server/mcp/oauth/oauth-rules";

const redirectUrl = "http://localhost:3000/console/api/mcp/oauth/callback";
// A Client ID Metadata Document URL (https, with a path). The conformance suite's authorization server cannot fetch
// ours and expects its own fixed one; outside the suite the CLI registers dynamically unless one is given.
const clientMetadataUrl =
  process.env.MCP_CLIENT_METADATA_URL ?? (process.env.MCP_CONFORMANCE_SCENARIO ? "https://conformance-test.local/client-metadata.json" : undefined);

interface Context {
  client_id?: string;
  client_secret?: string;
  private_key_pem?: string;
  signing_algorithm?: string;
}

const usageText = [
  "usage: npm run mcp:connect -- <server url>",
  "",
  "Connects to the MCP server at <server url> (http or https) as Switchyard does, authorizing with OAuth when it asks,",
  "lists its tools and calls the first one.",
].join("\n");

/** Asked for (--help): usage on stdout and success; given something else than a URL: usage on stderr and failure. */
function usage(asked = false, problem?: string): never {
  if (asked) console.log(usageText);
  else console.error(problem ? `${problem}\n\n${usageText}` : usageText);
  process.exit(asked ? 0 : 2);
}

function targetUrl(arg: string | undefined): URL {
  if (!arg) usage();
  if (arg === "--help" || arg === "-h") usage(true);
  if (!URL.canParse(arg)) usage(false, `"${arg.slice(0, 200)}" is not a URL. Give the MCP server's full URL, such as https://example.com/mcp.`);
  return new URL(arg);
}

function buildProvider(session: OAuthSession, state: string, context: Context): OAuthClientProvider {
  const scenario = process.env.MCP_CONFORMANCE_SCENARIO ?? "";
  if (context.client_id && context.private_key_pem) {
    return new PrivateKeyJwtProvider({ clientId: context.client_id, privateKey: context.private_key_pem, algorithm: context.signing_algorithm ?? "ES256" });
  }
  if (context.client_id && context.client_secret && scenario.includes("client-credentials")) {
    return new ClientCredentialsProvider({ clientId: context.client_id, clientSecret: context.client_secret });
  }
  const preRegistered = context.client_id ? { clientId: context.client_id, clientSecret: context.client_secret } : undefined;
  return createMcpOAuthProvider(session, { redirectUrl, clientMetadataUrl, preRegistered, state, clientName: "Switchyard CLI" });
}

/**
 * The person's part: open the authorization URL (http(s) only), which this server answers with the redirect at once.
 * Plain fetch, not the guarded one: this stands for the browser, whose redirect leaves for our callback's origin.
 */
async function approve(authorizationUrl: URL): Promise<URLSearchParams> {
  const response = await fetch(assertHttpUrl(authorizationUrl), { redirect: "manual" });
  const location = response.headers.get("location");
  await response.body?.cancel();
  if (!location) throw new Error(`The authorization server answered ${response.status} without a redirect.`);
  return new URL(location, authorizationUrl).searchParams;
}

async function connect(url: URL, provider: OAuthClientProvider, fetchFn: typeof fetch) {
  const client = new Client({ name: "switchyard-cli", version: "0.1.0" }, { capabilities: {} });
  await client.connect(new StreamableHTTPClientTransport(url, { authProvider: provider, fetch: fetchFn }));
  return client;
}

async function main() {
  const url = targetUrl(process.argv[2]);
  const context = JSON.parse(process.env.MCP_CONFORMANCE_CONTEXT ?? "{}") as Context;
  const fetchFn = createGuardedFetch();
  const session: OAuthSession = {};
  const state = randomBytes(32).toString("base64url");
  const provider = buildProvider(session, state, context);

  /** Runs `step`; when the server asks for (more) authorization, plays the browser once and runs it again. */
  async function authorized<T>(step: () => Promise<T>): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      session.authorizationUrl = undefined;
      try {
        return await step();
      } catch (error) {
        if (!(error instanceof UnauthorizedError) || !session.authorizationUrl || attempt >= 2) throw error;
      }
      const reply = await approve(session.authorizationUrl);
      if (reply.get("error")) throw new Error(`The authorization server answered ${reply.get("error")}: ${reply.get("error_description") ?? ""}`);
      if (reply.get("state") !== state) throw new Error("The authorization response carried another state; refusing it.");
      assertCallbackIssuer(reply.get("iss"), session.discovery?.authorizationServerMetadata);
      await exchangeCode(provider, session, { serverUrl: url.toString(), code: reply.get("code") ?? "", fetchFn });
    }
  }

  // A connection that a new authorization made stale is dropped and opened again on the next step.
  let client: Client | undefined;
  const run = <T>(op: (c: Client) => Promise<T>) =>
    authorized(async () => {
      const current = (client ??= await connect(url, provider, fetchFn));
      try {
        return await op(current);
      } catch (error) {
        if (error instanceof UnauthorizedError) {
          await current.close().catch(() => {});
          client = undefined;
        }
        throw error;
      }
    });

  const { tools } = await run((c) => c.listTools());
  console.log(`connected: ${tools.length} tools${tools.length ? ` (${tools.map((t) => t.name).join(", ")})` : ""}`);
  // Scope step-up scenarios ask for more on the call; the same provider authorizes again.
  if (tools[0]) {
    const result = await run((c) => c.callTool({ name: tools[0]!.name, arguments: {} }));
    console.log(`called ${tools[0].name}: ${result.isError ? "error" : "ok"}`);
  }
  await client?.close();
}

main().catch((error) => {
  // The message only: never a token, and no stack for a person to read.
  console.error(`mcp:connect failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

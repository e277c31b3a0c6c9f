// "Will it connect?" on an app's MCP Server tab and on the workspace server's page: gathers what a hosted client
// would see (APP_URL's addresses, the access mode, both discovery documents, a CORS preflight, the tool names)
// in-process, without HTTP to ourselves, and runs the pure checks over it (connect-check-rules.ts,
// connect-check-documents.ts).
import "server-only";
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
import { getAppOrThrow } from "@/server/apps/apps";
import { getDb } from "@/server/db";
import { getPublishedServer } from "@/server/db/queries/published-servers";
import { getWorkspaceServer } from "@/server/db/queries/workspace-servers";
import { env } from "@/server/env";
import { handlePublishedRequest } from "@/server/mcp/server/handle-request";
import { openServerCode, openWorkspaceServerCode } from "@/server/mcp/server/server-code";
import { getWorkspaceServerStatus } from "@/server/mcp/server/workspace-server";
import { checkAuthorizationServerMetadata, checkCorsPreflight, checkResourceMetadata, type PreflightAnswer } from "./connect-check-documents";
import { appUrlHost, checkAccessMode, checkAppUrl, checkRegistration, checkToolNames, isLocalName, type AccessMode, type ConnectCheck } from "./connect-check-rules";
import { serveAuthorizationServerMetadata } from "./metadata";
import { protectedResourceMetadata } from "./protected-resource-metadata";
import { issuerUrl, resourceUrl } from "./resource";
import type { ServerRef } from "./resource-server";

/** A document as a client would fetch it: its JSON (null when it is not served) and the response's headers. */
export interface FetchedDocument {
  document: Record<string, unknown> | null;
  headers: Headers | null;
}

/** Where the checks get what they look at; tests may swap any of them. */
export interface ConnectSources {
  appUrl: string;
  resolve(host: string): Promise<string[] | null>;
  authorizationServerMetadata(): Promise<FetchedDocument>;
  protectedResourceMetadata(code: string): Promise<FetchedDocument>;
  preflight(code: string, origin: string): Promise<PreflightAnswer>;
}

const dnsTimeoutMs = 3_000;

/** Every address the host resolves to (an IP literal is its own), or null when it does not resolve in time. */
export async function resolveHost(host: string): Promise<string[] | null> {
  if (isIP(host)) return [host];
  if (isLocalName(host)) return [];
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), dnsTimeoutMs).unref());
  const found = lookup(host, { all: true, verbatim: true }).then((list) => list.map((a) => a.address), () => null);
  return Promise.race([found, timeout]);
}

/** A Response from one of our handlers as a client would read it; a handler that throws serves nothing. */
export async function readDocument(answer: () => Promise<Response>): Promise<FetchedDocument> {
  let response: Response;
  try {
    response = await answer();
  } catch {
    return { document: null, headers: null };
  }
  if (!response.ok) return { document: null, headers: response.headers };
  const body: unknown = await response.json().catch(() => null);
  return { document: body && typeof body === "object" && !Array.isArray(body) ? (body as Record<string, unknown>) : null, headers: response.headers };
}

// A browser on another site, preflighting what an MCP client sends (Fetch §CORS-preflight request).
const foreignOrigin = "https://client.example";

const defaultSources: ConnectSources = {
  appUrl: env.APP_URL,
  resolve: resolveHost,
  // The handler of /.well-known/oauth-authorization-server itself, so its CORS headers are checked too.
  authorizationServerMetadata: () => readDocument(() => serveAuthorizationServerMetadata(new Request(`${issuerUrl()}/.well-known/oauth-authorization-server`))),
  // The handler of /.well-known/oauth-protected-resource/mcp/server/<code>/mcp.
  protectedResourceMetadata: (code) => readDocument(() => protectedResourceMetadata(code)),
  async preflight(code, origin) {
    const request = new Request(resourceUrl(code), {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type, mcp-protocol-version" },
    });
    const response = await handlePublishedRequest(request, code);
    await response.body?.cancel();
    return { status: response.status, headers: response.headers };
  },
};

/** What the checks need of a server, either kind: whether it is on, its code, its access mode and its tool names. */
interface CheckedServer {
  enabled: boolean;
  code: string;
  accessMode: AccessMode;
  toolNames: string[];
}

async function loadServer({ workspaceId, appId }: ServerRef): Promise<CheckedServer | null> {
  const db = await getDb();
  if (appId !== null) {
    await getAppOrThrow({ workspaceId, id: appId });
    const server = await getPublishedServer(db, { workspaceId, appId });
    return server && { enabled: server.enabled, code: openServerCode(server), accessMode: server.accessMode, toolNames: [server.toolName] };
  }
  const server = await getWorkspaceServer(db, { workspaceId });
  if (!server) return null;
  const { apps } = await getWorkspaceServerStatus(workspaceId);
  const toolNames = apps.filter((app) => app.included).map((app) => app.toolName);
  return { enabled: server.enabled, code: openWorkspaceServerCode(server), accessMode: server.accessMode, toolNames };
}

/** `appId` null: the workspace server. */
export async function runConnectCheck(ref: ServerRef, sources: ConnectSources = defaultSources): Promise<ConnectCheck[]> {
  const server = await loadServer(ref);
  if (!server?.enabled) {
    return [{ id: "enabled", title: "The server is on", status: "fail", message: "The MCP server is off: every client gets HTTP 503 or nothing at all.", fix: "Turn the server on above, then run the check again." }];
  }
  const { code } = server;
  const issuer = issuerUrl(sources.appUrl);
  const host = appUrlHost(sources.appUrl);
  const signIn = server.accessMode === "sign_in";
  const skip = (id: string, title: string): ConnectCheck => ({ id, title, status: "skip", message: "Not needed: only \"Switchyard sign-in\" uses OAuth." });

  const [addresses, asMetadata, prMetadata, preflight] = await Promise.all([
    host ? sources.resolve(host) : Promise.resolve(null),
    signIn ? sources.authorizationServerMetadata() : null,
    signIn ? sources.protectedResourceMetadata(code) : null,
    sources.preflight(code, foreignOrigin),
  ]);

  return [
    checkAppUrl({ appUrl: sources.appUrl, addresses }),
    checkAccessMode(server.accessMode),
    prMetadata ? checkResourceMetadata({ document: prMetadata.document, resource: resourceUrl(code, sources.appUrl), issuer }) : skip("resource_metadata", "Protected resource metadata (RFC 9728)"),
    asMetadata ? checkAuthorizationServerMetadata({ document: asMetadata.document, issuer }) : skip("authorization_server_metadata", "Authorization server metadata (RFC 8414)"),
    asMetadata ? checkRegistration({ registrationEndpoint: asMetadata.document?.registration_endpoint }) : skip("registration", "Claude and ChatGPT can register"),
    checkCorsPreflight({
      origin: foreignOrigin,
      endpoint: preflight,
      metadata: [
        { name: "protected resource metadata", headers: prMetadata?.document ? prMetadata.headers : null },
        { name: "authorization server metadata", headers: asMetadata?.document ? asMetadata.headers : null },
      ],
    }),
    checkToolNames(server.toolNames),
  ];
}

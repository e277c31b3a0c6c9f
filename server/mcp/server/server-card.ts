// MCP Server Cards (SEP-2127, draft): what a client or registry may learn before connecting. One card for the
// deployment (what any Switchyard server speaks; it lists no servers, because every server's URL is a secret) and one
// per server, at /.well-known/mcp/server-card/<code>: whoever asks already holds the code, so the card tells them
// nothing the URL does not open, and it follows every change at once (endpoint-cache.ts).
import "server-only";
import { SUPPORTED_PROTOCOL_VERSIONS, type Tool } from "@modelcontextprotocol/sdk/types.js";
import { hashToken, safeEqual } from "@/server/crypto/tokens";
import { version } from "@/package.json";
import { env } from "@/server/env";
import { getKv } from "@/server/kv";
import { rateLimit } from "@/server/kv/rate-limit";
import { getPublishedTool, toolForProtocol } from "./build-tool";
import { isActive, type Endpoint } from "./endpoint";
import { findEndpoint } from "./endpoint-cache";
import { modernProtocolVersion } from "./modern-lane";
import { isWellFormedCode, serverUrl } from "./server-code";
import { toolIcons } from "./tool-icon";

const schema = "https://static.modelcontextprotocol.io/schemas/v1/server-card.schema.json";
/** Every version the endpoint answers, newest first (modern-lane.ts, then the SDK's 2025 lane). */
export const protocolVersions = [modernProtocolVersion, ...SUPPORTED_PROTOCOL_VERSIONS];
const cardToolsVersion = SUPPORTED_PROTOCOL_VERSIONS[0]!;

// SEP-2127 §Field Descriptions: a reverse-DNS namespace, one slash, then the server's name.
const namespace = (appUrl = env.APP_URL) => new URL(appUrl).hostname.split(".").reverse().join(".");

// What initialize answers (mcp-server.ts): tasks on an app's server, list changes on the workspace server's.
function capabilities(kind: Endpoint["kind"] | "any") {
  return {
    tools: { listChanged: kind !== "app" },
    logging: {},
    ...(kind !== "workspace" ? { tasks: { cancel: {}, requests: { tools: { call: {} } } } } : {}),
  };
}

const authentication: Record<Endpoint["accessMode"], { required: boolean; schemes: string[] }> = {
  url: { required: false, schemes: [] },
  api_key: { required: true, schemes: ["bearer"] },
  sign_in: { required: true, schemes: ["oauth2"] },
};

export function deploymentCard() {
  return {
    $schema: schema,
    name: `${namespace()}/switchyard`,
    version,
    title: "Switchyard",
    description:
      "Apps published as MCP servers over Streamable HTTP. Each server has its own secret URL; its card is at /.well-known/mcp/server-card/<the code in that URL>.",
    websiteUrl: env.APP_URL,
    remotes: [],
    capabilities: capabilities("any"),
    // A card's versions belong to a remote; with none to list, they go here.
    _meta: { supportedProtocolVersions: protocolVersions },
  };
}

export function serverCard(endpoint: Endpoint, code: string) {
  const [only] = endpoint.apps;
  const description = endpoint.kind === "app" ? only?.toolDescription : (endpoint.instructions ?? `The published apps of ${endpoint.info.title}, one tool each.`);
  // A key or sign-in server's tools are for its callers: without credentials a caller learns only that it needs them.
  const tools: Tool[] | undefined =
    endpoint.accessMode === "url" ? endpoint.apps.map((app) => toolForProtocol(getPublishedTool(app).tool, cardToolsVersion, { tasks: endpoint.kind === "app" })) : undefined;
  return {
    $schema: schema,
    name: `${namespace()}/${endpoint.info.name}`,
    version: endpoint.info.version,
    title: endpoint.info.title,
    ...(description ? { description } : {}),
    ...(endpoint.kind === "app" && only ? { icons: toolIcons(only) } : {}),
    remotes: [{ type: "streamable-http", url: serverUrl(code), supportedProtocolVersions: protocolVersions, authentication: authentication[endpoint.accessMode] }],
    capabilities: capabilities(endpoint.kind),
    ...(tools ? { tools } : {}),
  };
}

/**
 * The card of the server behind `code`, null when no server answers there (unknown, off, not published), or how
 * long to wait: cards have their own per-server limit (SEP-2127 §Denial of Service), apart from the calls' budget.
 */
export async function findServerCard(code: string): Promise<{ card: ReturnType<typeof serverCard> } | { retryAfter: number } | null> {
  if (!isWellFormedCode(code)) return null;
  const codeHash = hashToken(code);
  const kv = getKv();
  const endpoint = await findEndpoint(kv, { codeHash, keyHash: "" });
  if (!endpoint || !safeEqual(endpoint.codeHash, codeHash) || !isActive(endpoint)) return null;
  const limit = await rateLimit(kv, { bucket: "mcp_server_card", id: endpoint.serverKey, limit: env.MCP_SERVER_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 });
  if (!limit.ok) return { retryAfter: Math.max(1, limit.retryAfter) };
  return { card: serverCard(endpoint, code) };
}

// The endpoint is stateless, yet two things outlive a single request: who the client said it was (clientInfo, sent
// only in `initialize`) and which client a later `notifications/cancelled` comes from (request ids restart at 0 in
// every client). Both ride in the Mcp-Session-Id we hand out at initialize, which clients send back on every
// request (MCP 2025-06-18, transports §Session Management). Nothing is stored: the id carries a random part and
// the client's own words, so it is exactly as trustworthy as clientInfo itself.
import { randomBytes } from "node:crypto";

export interface ClientInfo {
  name: string | null;
  version: string | null;
}

// The id may only hold visible ASCII (0x21-0x7E): base64url parts joined by ".".
const sessionShape = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{0,800}$/;

export function newSessionId(client: ClientInfo): string {
  const info = Buffer.from(JSON.stringify([client.name?.slice(0, 200) ?? null, client.version?.slice(0, 100) ?? null])).toString("base64url");
  return `${randomBytes(16).toString("base64url")}.${info}`;
}

/** The client info a session id carries, or null for ids we did not make. */
export function readSessionId(sessionId: string | null): ClientInfo | null {
  if (!sessionId || !sessionShape.test(sessionId)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(sessionId.split(".")[1]!, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || parsed.length !== 2) return null;
    const [name, version] = parsed.map((v) => (typeof v === "string" ? v : null));
    return { name: name ?? null, version: version ?? null };
  } catch {
    return null;
  }
}

export function clientInfoFromInitialize(params: unknown): ClientInfo {
  const info = (params as { clientInfo?: { name?: unknown; version?: unknown } } | undefined)?.clientInfo;
  return {
    name: typeof info?.name === "string" ? info.name : null,
    version: typeof info?.version === "string" ? info.version : null,
  };
}

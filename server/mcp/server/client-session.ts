// The endpoint is stateless, yet three things outlive a single request: who the client said it was (clientInfo, sent
// only in `initialize`), whether it can ask its user a question (the `elicitation` capability, also sent only in
// `initialize`), and which client a later `notifications/cancelled` or answer comes from (request ids restart at 0 in
// every client). All ride in the Mcp-Session-Id we hand out at initialize, which clients send back on every
// request (MCP 2025-06-18, transports §Session Management). Nothing is stored: the id carries a random part and
// the client's own words, so it is exactly as trustworthy as the initialize request itself.
import { randomBytes } from "node:crypto";

export interface ClientInfo {
  name: string | null;
  version: string | null;
}

/** What a session id carries: the client, and which elicitation modes it declared. */
export interface ClientSession {
  client: ClientInfo;
  formElicitation: boolean;
  /** URL mode (2025-11-25): we can send the person to a page of ours, e.g. to connect an account. */
  urlElicitation: boolean;
}

// The id may only hold visible ASCII (0x21-0x7E): base64url parts joined by ".".
const sessionShape = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{0,800}$/;
const formElicitationFlag = "elicit-form";
const urlElicitationFlag = "elicit-url";

export function newSessionId(client: ClientInfo, { formElicitation = false, urlElicitation = false }: { formElicitation?: boolean; urlElicitation?: boolean } = {}): string {
  const fields: unknown[] = [client.name?.slice(0, 200) ?? null, client.version?.slice(0, 100) ?? null];
  // Ids of clients without the capability keep the two-field shape ids had before it was carried.
  const flags = [...(formElicitation ? [formElicitationFlag] : []), ...(urlElicitation ? [urlElicitationFlag] : [])];
  if (flags.length > 0) fields.push(flags);
  const info = Buffer.from(JSON.stringify(fields)).toString("base64url");
  return `${randomBytes(16).toString("base64url")}.${info}`;
}

/** The client info a session id carries, or null for ids we did not make. */
export function readSessionId(sessionId: string | null): ClientInfo | null {
  return readSession(sessionId)?.client ?? null;
}

/** Everything a session id carries (ids made before the capability was carried read as without it). */
export function readSession(sessionId: string | null): ClientSession | null {
  if (!sessionId || !sessionShape.test(sessionId)) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(sessionId.split(".")[1]!, "base64url").toString("utf8"));
    if (!Array.isArray(parsed) || (parsed.length !== 2 && parsed.length !== 3)) return null;
    const [name, version] = parsed.slice(0, 2).map((v: unknown) => (typeof v === "string" ? v : null));
    const flags: unknown = parsed[2];
    return {
      client: { name: name ?? null, version: version ?? null },
      formElicitation: Array.isArray(flags) && flags.includes(formElicitationFlag),
      urlElicitation: Array.isArray(flags) && flags.includes(urlElicitationFlag),
    };
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

/**
 * Whether initialize declared form-mode elicitation (MCP 2025-11-25, client/elicitation §Capabilities):
 * `elicitation: { form: {} }`, or `elicitation: {}`, which means form mode alone for backwards compatibility.
 * A client that declares only `url` cannot show our form.
 */
export function declaresFormElicitation(params: unknown): boolean {
  const elicitation = (params as { capabilities?: { elicitation?: unknown } } | undefined)?.capabilities?.elicitation;
  if (!elicitation || typeof elicitation !== "object" || Array.isArray(elicitation)) return false;
  const modes = elicitation as Record<string, unknown>;
  if (!("form" in modes) && !("url" in modes)) return true;
  return Boolean(modes.form) && typeof modes.form === "object";
}

/** Whether initialize declared URL-mode elicitation (MCP 2025-11-25): `elicitation: { url: {} }`. */
export function declaresUrlElicitation(params: unknown): boolean {
  const elicitation = (params as { capabilities?: { elicitation?: { url?: unknown } } } | undefined)?.capabilities?.elicitation;
  const url = elicitation && typeof elicitation === "object" && !Array.isArray(elicitation) ? elicitation.url : undefined;
  return Boolean(url) && typeof url === "object" && !Array.isArray(url);
}

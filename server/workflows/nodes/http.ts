// HTTP request: method, URL, headers and body rendered from earlier outputs, sent through the SSRF guard the MCP
// client uses (private and metadata addresses refused unless the operator allows private networks), with a time
// limit and a cap on the answer's size. Any status is an output (an If/Else can branch on it).
import "server-only";
import { isAppError } from "@/server/errors";
import { createGuardedFetch } from "@/server/mcp/client/ssrf/guarded-fetch";
import { renderText } from "../references";
import { openSecretHeader } from "../secret-headers";
import { NodeError, type NodeExecutor } from "./node-executor";

export const httpLimits = { timeoutMs: 30_000, maxBytes: 1_000_000 };

/** The answer's bytes, refused past the cap rather than held whole in memory first. */
async function readCapped(response: Response, host: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? "");
  const tooLarge = () =>
    new NodeError(`The answer from ${host} is larger than ${httpLimits.maxBytes / 1_000_000} MB. Ask for less data (a filter, a page), or use a tool made for large files.`);
  if (declared > httpLimits.maxBytes) {
    await response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > httpLimits.maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function parseJson(text: string, contentType: string | null): unknown {
  if (!/\bjson\b/i.test(contentType ?? "")) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

export const runHttp: NodeExecutor<"http"> = async (node, ctx) => {
  const { method } = node.data;
  const url = renderText(node.data.url, ctx.outputs).trim();
  const headers = node.data.headers
    .filter((h) => h.name.trim())
    .map((header) => [header.name.trim(), header.secret ? openSecret(ctx.appId, node, header) : renderText(header.value, ctx.outputs)] as [string, string]);
  const body = method === "GET" ? "" : renderText(node.data.body, ctx.outputs);
  // Header values may be tokens: the trace shows only their names.
  const inputs = { method, url, headers: headers.map(([name]) => name), ...(body ? { body } : {}) };
  if (!url) throw new NodeError("Enter the URL to request.");
  let host = url;
  try {
    host = new URL(url).host;
  } catch {
    throw new NodeError(`"${url.slice(0, 200)}" is not a full URL. Start it with https:// or http://.`);
  }

  const timeout = AbortSignal.timeout(httpLimits.timeoutMs);
  const signal = AbortSignal.any([ctx.signal, timeout]);
  const timedOut = () => new NodeError(`${host} did not answer within ${httpLimits.timeoutMs / 1000} s.`);
  try {
    let requestHeaders: Headers;
    try {
      requestHeaders = new Headers(headers);
    } catch (error) {
      throw new NodeError(`A header is not valid: ${error instanceof Error ? error.message : String(error)}`);
    }
    const response = await createGuardedFetch()(url, { method, headers: requestHeaders, body: body || undefined, signal });
    const bytes = await readCapped(response, host);
    const text = new TextDecoder().decode(bytes);
    return { inputs, outputs: { status: response.status, body: text, json: parseJson(text, response.headers.get("content-type")) } };
  } catch (error) {
    if (ctx.signal.aborted || error instanceof NodeError) throw error;
    if (timeout.aborted) throw timedOut();
    // The guard's refusals (a private address, a redirect to another site) already say what to do.
    if (isAppError(error)) throw new NodeError(error.publicMessage);
    throw new NodeError(`Could not reach ${host}${networkReason(error)}. Check the URL, and that the server is up.`);
  }
};

/** A secret header's sealed value, opened only for the address it was entered for (secret-headers.ts). */
function openSecret(appId: string, node: Parameters<typeof runHttp>[0], header: Parameters<typeof runHttp>[0]["data"]["headers"][number]): string {
  try {
    return openSecretHeader({ appId, node, header });
  } catch (error) {
    throw new NodeError(isAppError(error) ? error.publicMessage : "A secret header could not be read: enter its value again.");
  }
}

/** ": the connection was refused" and the like, from the first system error code along the cause chain. */
function networkReason(error: unknown): string {
  for (let e = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === "ECONNREFUSED") return ": the connection was refused";
    if (code === "ENOTFOUND" || code === "EAI_AGAIN") return ": its host name does not resolve";
    if (code === "ECONNRESET" || code === "UND_ERR_SOCKET") return ": the connection was closed";
  }
  return "";
}

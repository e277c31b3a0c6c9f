// One hop of a guarded request (guarded-fetch.ts checks the address and handles redirects), sent one of two ways and
// answered as a global fetch Response either way.
import { STATUS_CODES } from "node:http";
import { Readable } from "node:stream";
import { fetch as undiciFetch, request, type Dispatcher } from "undici";

const nullBodyStatuses = new Set([101, 204, 205, 304]);

/**
 * Through undici's fetch, for any body and answer. Not the global fetch, even without a dispatcher: inside Next it is
 * patched to cache and tee response bodies, and cancelling one branch of a tee never settles (the SDK cancels every
 * unused metadata response). undici's Response is another class than the global one, and the SDK tests
 * `instanceof Response`, hence the copy.
 */
export async function fetchHop(url: URL, init: RequestInit, dispatcher?: Dispatcher): Promise<Response> {
  const response = await undiciFetch(url, { ...(init as object), redirect: "manual", ...(dispatcher ? { dispatcher } : {}) } as never);
  return new Response(nullBodyStatuses.has(response.status) ? null : (response.body as ReadableStream | null), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers as unknown as Headers,
  });
}

/**
 * Through undici's request API, for string or byte bodies. fetch wraps every body in WHATWG streams, and for a
 * model's small JSON answer those cost more CPU than the rest of the call. Here an answer is read whole, unless it
 * is an event stream, which is handed on as a stream. Failures look like fetch's: an abort rejects with the
 * signal's reason, anything else with TypeError("fetch failed") and the cause.
 */
export async function requestHop(url: URL, init: RequestInit, dispatcher?: Dispatcher): Promise<Response> {
  const body = init.body ?? null;
  if (body !== null && typeof body !== "string" && !(body instanceof Uint8Array)) {
    throw new TypeError("requestHop sends only string or byte bodies.");
  }
  const signal = init.signal ?? undefined;
  try {
    const answer = await request(url, {
      method: (init.method ?? "GET").toUpperCase() as Dispatcher.HttpMethod,
      // Without Accept-Encoding any coding is acceptable (RFC 9110 §12.5.3), and these answers are not decoded.
      headers: { "accept-encoding": "identity", ...Object.fromEntries(new Headers(init.headers)) },
      body,
      signal,
      dispatcher,
    });
    const status = answer.statusCode;
    const streamed = String(answer.headers["content-type"] ?? "").startsWith("text/event-stream");
    let responseBody: ArrayBuffer | ReadableStream<Uint8Array> | null = null;
    if (nullBodyStatuses.has(status)) await answer.body.dump();
    else if (streamed) responseBody = Readable.toWeb(answer.body) as ReadableStream<Uint8Array>;
    else responseBody = await answer.body.arrayBuffer();
    return new Response(responseBody, { status, statusText: STATUS_CODES[status] ?? "", headers: toHeaders(answer.headers) });
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw new TypeError("fetch failed", { cause: error });
  }
}

function toHeaders(raw: Record<string, string | string[] | undefined>): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(raw)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  return headers;
}

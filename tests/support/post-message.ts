// One JSON-RPC message POSTed to a published endpoint the way a Streamable HTTP client sends it.
export const ping = { jsonrpc: "2.0", id: 1, method: "ping" };

export function postMessage(url: string, { body = ping, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {}) {
  return fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
    body: JSON.stringify(body),
  });
}

/** A ping with these headers: what access tests send. */
export const postPing = (url: string, headers: Record<string, string> = {}) => postMessage(url, { headers });

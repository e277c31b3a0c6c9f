// A fetch for every outbound MCP, OAuth and model provider request. Each hop is checked before it is sent, and the
// connection itself resolves names through the same policy, so DNS rebinding between check and connect cannot reach a
// private address.
// Redirects are followed by hand (each target checked); a redirect to another origin is refused rather than followed,
// because our headers (bearer tokens, API keys) must not travel to a host the user did not enter.
import { Agent } from "undici";
import type { LookupFunction } from "node:net";
import { AppError } from "@/server/errors";
import { assertPublicUrl, refused } from "./assert-public-url";
import { resolvePolicy, type SsrfOptions } from "./policy";
import { fetchHop, requestHop } from "./send-hop";

export interface GuardedFetchOptions extends SsrfOptions {
  maxRedirects?: number;
  /**
   * How each hop is sent: undici's fetch (the default, for any body and stream), or its request API for callers
   * that send strings and get back small answers or event streams (model providers; see send-hop.ts).
   */
  transport?: "fetch" | "request";
}

export function createGuardedFetch(options: GuardedFetchOptions = {}): typeof fetch {
  const policy = resolvePolicy(options);
  const maxRedirects = options.maxRedirects ?? 5;
  const dispatcher = policy.allowPrivate ? undefined : new Agent({ connect: { lookup: pinnedLookup(policy) } });
  const send = options.transport === "request" ? requestHop : fetchHop;

  return async function guardedFetch(input, init = {}) {
    let url = new URL(input instanceof Request ? input.url : input.toString());
    let request: RequestInit = input instanceof Request ? { method: input.method, headers: input.headers, body: input.body, signal: input.signal, ...init } : init;
    for (let hop = 0; ; hop++) {
      await assertPublicUrl(url, options);
      const response = await send(url, request, dispatcher);
      Object.defineProperty(response, "url", { value: url.toString() });
      const location = response.headers.get("location");
      if (response.status < 300 || response.status > 399 || !location) return response;
      if (hop >= maxRedirects) throw new AppError("bad_request:redirect", `Too many redirects from ${url.host}.`);
      const next = new URL(location, url);
      if (next.origin !== url.origin) {
        throw new AppError("bad_request:redirect", `${url.host} redirected to another site (${next.host}); use the final URL instead.`);
      }
      await response.body?.cancel();
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && request.method === "POST")) {
        request = { ...request, method: "GET", body: undefined };
      }
      url = next;
    }
  } as typeof fetch;
}

/** A net.connect lookup that only ever hands back allowed addresses. */
function pinnedLookup(policy: ReturnType<typeof resolvePolicy>): LookupFunction {
  return (hostname, options, callback) => {
    policy.lookup(hostname).then(
      (all) => {
        const family = typeof options === "object" ? options.family : undefined;
        const usable = all.filter((a) => !family || a.family === family || family === 0);
        if (usable.length === 0 || !all.every((a) => policy.isAllowed(a.address))) {
          return callback(refused(new URL(`http://${hostname}`)), "", 0);
        }
        if (typeof options === "object" && options.all) return (callback as never as (e: null, a: typeof usable) => void)(null, usable);
        callback(null, usable[0].address, usable[0].family);
      },
      (error: NodeJS.ErrnoException) => callback(error, "", 0),
    );
  };
}

// A fetch that puts the bearer token on every request (initialize, list and call alike, next to the custom headers
// the transport adds) and answers a 401 with one refresh and one retry (MCP.md "Authorization" 8, 9).
import "server-only";
import type { TokenSource } from "./access-tokens";

function withBearer(init: RequestInit | undefined, token: string | null): RequestInit {
  const headers = new Headers(init?.headers);
  if (token) headers.set("authorization", `Bearer ${token}`);
  return { ...init, headers };
}

export function createOAuthFetch(base: typeof fetch, tokens: TokenSource): typeof fetch {
  return (async (input: string | URL | Request, init?: RequestInit) => {
    const token = await tokens.current();
    const response = await base(input, withBearer(init, token));
    if (response.status !== 401) return response;
    await response.body?.cancel().catch(() => {});
    // Throws (and marks the server "needs authorization") when no newer token can be had.
    const fresh = await tokens.afterRejection(token);
    return base(input, withBearer(init, fresh));
  }) as typeof fetch;
}

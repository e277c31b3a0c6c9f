// The SDK parses OpenID discovery documents with a schema that drops fields it does not name, among them
// `revocation_endpoint` (RFC 7009, for Disconnect) and `authorization_response_iss_parameter_supported` (RFC 9207,
// for the callback's iss check). This fetch wrapper keeps those two from whichever metadata document auth() reads.
const kept = ["revocation_endpoint", "authorization_response_iss_parameter_supported"] as const;
const metadataPath = /\/\.well-known\/(oauth-authorization-server|openid-configuration)(\/|$)/;

export function recordMetadataExtras(fetchFn: typeof fetch) {
  const extras: Record<string, unknown> = {};
  const recording = (async (input: string | URL | Request, init?: RequestInit) => {
    const response = await fetchFn(input, init);
    const url = input instanceof Request ? input.url : String(input);
    if (response.ok && metadataPath.test(new URL(url).pathname)) {
      const body = (await response.clone().json().catch(() => null)) as Record<string, unknown> | null;
      for (const key of kept) if (body && key in body) extras[key] = body[key];
    }
    return response;
  }) as typeof fetch;
  /** Adds the kept fields to the metadata auth() saved, without overwriting anything it parsed. */
  const apply = <T extends object | undefined>(metadata: T): T => (metadata ? ({ ...extras, ...metadata } as T) : metadata);
  return { fetch: recording, apply };
}

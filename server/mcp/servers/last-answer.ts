// What the last HTTP answer of a connection attempt was, so a failure can say what actually answered. A URL that
// redirects to a sign-in or home page answers with HTML; the SDK then reports only "unexpected content type" (or,
// over SSE, the page's status 200), and the SDK v1 even reported it as "HTTP -1". Naming the page and where the
// redirect led tells the person what to fix.
import "server-only";

export interface LastAnswer {
  fetch: typeof fetch;
  /** A sentence when the last answer was a web page (or another 200 that is not JSON or an event stream); else null. */
  describeWrongAnswer(requestedUrl: string): string | null;
}

const mcpTypes = /^(application\/json|text\/event-stream)\b/i;

export function watchLastAnswer(fetchFn: typeof fetch): LastAnswer {
  let last: { url: string; status: number; contentType: string } | null = null;
  return {
    fetch: (async (input, init) => {
      const response = await fetchFn(input, init);
      const requested = input instanceof Request ? input.url : input.toString();
      last = { url: response.url || requested, status: response.status, contentType: response.headers.get("content-type") ?? "" };
      return response;
    }) as typeof fetch,
    describeWrongAnswer(requestedUrl) {
      // A 202 or 204 (notifications) carries no body to judge.
      if (!last || last.status !== 200 || !last.contentType || mcpTypes.test(last.contentType)) return null;
      const final = new URL(last.url);
      const what = /^text\/html\b/i.test(last.contentType) ? "a web page" : last.contentType.split(";")[0]!.trim();
      const advice = "not an MCP server. Use the MCP endpoint's URL.";
      if (final.href !== new URL(requestedUrl).href) return `The URL redirected to ${final.host}${final.pathname}, which answered with ${what}, ${advice}`;
      return `${final.host}${final.pathname} answered with ${what}, ${advice}`;
    },
  };
}

// The console API as a script reaches it: tRPC requests over HTTP through the real route handler, with an API key
// as the bearer token (none: an anonymous caller).
import { GET, POST } from "@/app/api/trpc/[trpc]/route";

export function trpcGet(path: string, key?: string) {
  const headers: Record<string, string> = key ? { authorization: `Bearer ${key}` } : {};
  return GET(new Request(`http://localhost/api/trpc/${path}`, { headers }));
}

export function trpcPost(path: string, key: string, input: unknown) {
  return POST(
    new Request(`http://localhost/api/trpc/${path}`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ json: input }),
    }),
  );
}

// The console API as the benchmark drives it: tRPC over HTTP with a workspace API key, like any script would.
import { createTRPCClient, httpLink } from "@trpc/client";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";

export function consoleClient(baseUrl: string, apiKey: string) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/api/trpc`, transformer: superjson, headers: { authorization: `Bearer ${apiKey}` } })],
  });
}

// The console API as the benchmark drives it: tRPC over HTTP with a workspace API key, like any script would.
import { createTRPCClient, httpLink } from "@trpc/client";
import type { AppRouter } from "@/server/api/root";
import { wireTransformer } from "@/shared/wire-transformer";

export function consoleClient(baseUrl: string, apiKey: string) {
  return createTRPCClient<AppRouter>({
    links: [httpLink({ url: `${baseUrl}/api/trpc`, transformer: wireTransformer, headers: { authorization: `Bearer ${apiKey}` } })],
  });
}

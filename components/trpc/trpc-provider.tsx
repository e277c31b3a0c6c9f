"use client";
// The console's tRPC client: every request names the selected workspace in x-workspace-id.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import { config as zodConfig } from "zod";
import type { AppRouter } from "@/server/api/root";
import { maxBatchSize } from "@/shared/batch-size";
import { wireTransformer } from "@/shared/wire-transformer";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

// The console's CSP allows no eval: zod must not compile validators with `new Function` in the browser (ext-apps'
// AppBridge parses with zod there, and even zod's caught probe for eval is reported as a CSP violation).
zodConfig({ jitless: true });

export function TrpcProvider({ workspaceId, children }: { workspaceId: string | null; children: ReactNode }) {
  const [queryClient] = useState(
    () => new QueryClient({ defaultOptions: { queries: { staleTime: 10_000, retry: 1, refetchOnWindowFocus: false } } }),
  );
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        httpBatchLink({
          url: "/api/trpc",
          transformer: wireTransformer,
          // The server refuses larger batches; the link splits them so the console never meets that refusal.
          maxItems: maxBatchSize,
          headers: () => (workspaceId ? { "x-workspace-id": workspaceId } : {}),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}

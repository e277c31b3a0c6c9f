"use client";
// A token's "expires in 5 minutes" goes stale while the page stays open, and the server may have renewed it in the
// meantime (any call renews a token about to expire). Refetch the list when the soonest shown token ends, so the
// card says what the server knows then, not "expired" until a reload.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { McpServerView } from "./mcp-server-types";

/** setTimeout holds at most about 24.8 days; later expiries are looked at again after the next refetch anyway. */
const maxDelayMs = 2 ** 31 - 1;
const afterExpiryMs = 2_000;

export function useTokenExpiryRefetch(servers: McpServerView[] | undefined) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const now = Date.now();
  const soonest = Math.min(
    ...(servers ?? [])
      .map((s) => (s.oauth.authorized && s.oauth.tokenExpiresAt ? new Date(s.oauth.tokenExpiresAt).getTime() : Infinity))
      .filter((t) => t > now - afterExpiryMs),
  );
  useEffect(() => {
    if (!Number.isFinite(soonest)) return;
    const delay = Math.min(Math.max(soonest - Date.now() + afterExpiryMs, 1_000), maxDelayMs);
    const timer = setTimeout(() => void queryClient.invalidateQueries(trpc.mcpServers.list.queryFilter()), delay);
    return () => clearTimeout(timer);
  }, [soonest, queryClient, trpc]);
}

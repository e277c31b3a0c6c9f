"use client";
// An app's Logs: every conversation (Debug & Preview, MCP clients), searchable and filtered on the server.
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ScrollText } from "lucide-react";
import { useMemo, useState } from "react";
import { AppHeader } from "@/components/app-editor/app-header";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ConversationDetail } from "./conversation-detail";
import { ConversationFilters, filterInput, noFilters, type ConversationFilterValues } from "./conversation-filters";
import { ConversationListItem } from "./conversation-list-item";

export function AppLogs({ appId }: { appId: string }) {
  const trpc = useTRPC();
  const app = useQuery(trpc.apps.get.queryOptions({ id: appId }));
  const [filters, setFilters] = useState<ConversationFilterValues>(noFilters);
  const input = useMemo(() => ({ appId, ...filterInput(filters) }), [appId, filters]);
  const filtered = Boolean(input.search || input.source || input.from || input.to);
  const pages = useInfiniteQuery(
    trpc.conversations.list.infiniteQueryOptions(input, { getNextPageParam: (last) => last.nextCursor, placeholderData: keepPreviousData }),
  );
  const [selected, setSelected] = useState<string | null>(null);
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];

  if (app.isError) return <p className="text-sm text-destructive">{app.error.message}</p>;
  const empty = !pages.isPending && items.length === 0 && !filtered;
  return (
    <>
      {app.data ? <AppHeader app={app.data} /> : <Skeleton className="mb-6 h-24" />}
      {empty ? (
        <EmptyState icon={ScrollText} title="No conversations yet" description="Conversations from Debug & Preview and from MCP clients show up here." />
      ) : (
        <div className="grid gap-4">
          <ConversationFilters value={filters} onChange={setFilters} />
          <div className="grid grid-cols-1 gap-6 lg:grid-cols-[22rem_1fr]">
            <div className="grid min-w-0 content-start gap-2">
              {pages.isPending ? (
                <Skeleton className="h-64" />
              ) : pages.isError ? (
                <p role="alert" className="text-sm text-destructive">{pages.error.message}</p>
              ) : items.length === 0 ? (
                <div className="grid justify-items-center gap-3 rounded-xl border border-dashed p-8 text-center text-sm text-muted-foreground">
                  <p>No conversations match these filters.</p>
                  <Button variant="outline" size="sm" onClick={() => setFilters(noFilters)}>
                    Clear filters
                  </Button>
                </div>
              ) : (
                <ul className="divide-y rounded-xl border" aria-label="Conversations" aria-busy={pages.isPlaceholderData || undefined}>
                  {items.map((c) => (
                    <li key={c.id}>
                      <ConversationListItem item={c} selected={selected === c.id} onSelect={() => setSelected(c.id)} />
                    </li>
                  ))}
                </ul>
              )}
              {pages.hasNextPage && (
                <Button variant="outline" onClick={() => pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                  Load more
                </Button>
              )}
            </div>
            <div className="min-w-0">
              {selected ? (
                <ConversationDetail appId={appId} id={selected} workflow={app.data?.type === "workflow" || app.data?.type === "chatflow"} />
              ) : (
                <p className="rounded-xl border border-dashed p-8 text-center text-sm text-muted-foreground">Choose a conversation to see its messages and tool steps.</p>
              )}
            </div>
          </div>
        </div>
      )}
    </>
  );
}

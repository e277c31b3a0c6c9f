"use client";
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ScrollText } from "lucide-react";
import { useState } from "react";
import { AppHeader } from "@/components/app-editor/app-header";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ConversationDetail } from "./conversation-detail";

const sourceLabels = { debug: "Debug & Preview", mcp: "MCP", api: "API" } as const;

export function AppLogs({ appId }: { appId: string }) {
  const trpc = useTRPC();
  const app = useQuery(trpc.apps.get.queryOptions({ id: appId }));
  const pages = useInfiniteQuery(
    trpc.conversations.list.infiniteQueryOptions({ appId }, { getNextPageParam: (last) => last.nextCursor }),
  );
  const [selected, setSelected] = useState<string | null>(null);
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];

  if (app.isError) return <p className="text-sm text-destructive">{app.error.message}</p>;
  return (
    <>
      {app.data ? <AppHeader app={app.data} /> : <Skeleton className="mb-6 h-24" />}
      {pages.isPending ? (
        <Skeleton className="h-64" />
      ) : items.length === 0 ? (
        <EmptyState icon={ScrollText} title="No conversations yet" description="Conversations from Debug & Preview and from MCP clients show up here." />
      ) : (
        <div className="grid grid-cols-1 gap-6 lg:grid-cols-[22rem_1fr]">
          <div className="grid content-start gap-2">
            <ul className="divide-y rounded-xl border" aria-label="Conversations">
              {items.map((c) => (
                <li key={c.id}>
                  <button
                    type="button"
                    onClick={() => setSelected(c.id)}
                    aria-current={selected === c.id ? "true" : undefined}
                    className={cn("grid w-full gap-1 px-4 py-3 text-left hover:bg-accent", selected === c.id && "bg-accent")}
                  >
                    <span className="truncate text-sm font-medium">{c.title || "Untitled conversation"}</span>
                    <span className="flex items-center gap-2 text-xs text-muted-foreground">
                      <Badge>{sourceLabels[c.source]}</Badge>
                      {new Date(c.updatedAt).toLocaleString()}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
            {pages.hasNextPage && (
              <Button variant="outline" onClick={() => pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                Load more
              </Button>
            )}
          </div>
          <div className="min-w-0">
            {selected ? (
              <ConversationDetail appId={appId} id={selected} />
            ) : (
              <p className="rounded-xl border border-dashed p-8 text-center text-sm text-muted-foreground">Choose a conversation to see its messages and tool steps.</p>
            )}
          </div>
        </div>
      )}
    </>
  );
}

"use client";
// One row of the Logs list: what was asked, who asked (the caller), and what it took.
import type { inferRouterOutputs } from "@trpc/server";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import type { AppRouter } from "@/server/api/root";

export type ConversationSummary = inferRouterOutputs<AppRouter>["conversations"]["list"]["items"][number];

/** Who started the conversation, as a person would say it. */
export function callerLabel(c: Pick<ConversationSummary, "source" | "creatorName" | "clientName">) {
  if (c.source === "debug") return c.creatorName ? `Debug & Preview · ${c.creatorName}` : "Debug & Preview";
  if (c.source === "mcp") return c.clientName ? `MCP · ${c.clientName}` : "MCP client";
  return "API";
}

export function formatDuration(ms: number) {
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  return `${Math.floor(ms / 60_000)} min ${Math.round((ms % 60_000) / 1_000)} s`;
}

export function ConversationListItem({ item, selected, onSelect }: { item: ConversationSummary; selected: boolean; onSelect: () => void }) {
  return (
    <button
      type="button"
      onClick={onSelect}
      aria-current={selected ? "true" : undefined}
      className={cn("grid w-full min-w-0 gap-1 px-4 py-3 text-left hover:bg-accent", selected && "bg-accent")}
    >
      <span className="truncate text-sm font-medium">{item.title || "Untitled conversation"}</span>
      <span className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
        <Badge className="max-w-full truncate">{callerLabel(item)}</Badge>
        <time dateTime={new Date(item.updatedAt).toISOString()}>{new Date(item.updatedAt).toLocaleString()}</time>
      </span>
      <span className="text-xs tabular-nums text-muted-foreground">
        {item.messageCount} {item.messageCount === 1 ? "message" : "messages"} · {item.tokens.toLocaleString()} tokens · {formatDuration(item.durationMs)}
      </span>
    </button>
  );
}

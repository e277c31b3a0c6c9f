"use client";
import { MoreHorizontal, Pencil, Trash2, Wrench } from "lucide-react";
import { AppIcon } from "@/components/apps/app-icon";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { McpServerView } from "./mcp-server-types";
import { AuthorizeButton, needsAuthorizeAction } from "./oauth-authorize";
import { tokenSummary } from "./oauth-status";
import { relativeTime } from "./relative-time";
import { ServerStatusBadge } from "./server-status-badge";

export const toolCountLabel = (n: number) => `${n} ${n === 1 ? "tool" : "tools"}`;

/** When the server last changed: its settings or its tool list, whichever is later. */
export function lastUpdated(server: McpServerView) {
  const times = [server.updatedAt, server.toolsUpdatedAt].filter(Boolean).map((d) => new Date(d!).getTime());
  return new Date(Math.max(...times));
}

export function McpServerCard({
  server,
  canEdit,
  onOpen,
  onEdit,
  onRemove,
}: {
  server: McpServerView;
  canEdit: boolean;
  onOpen: () => void;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const updated = lastUpdated(server);
  return (
    <li className="group relative flex flex-col gap-3 rounded-xl border bg-card p-4 shadow-xs transition-shadow has-[[data-open-server]:focus-visible]:ring-2 has-[[data-open-server]:focus-visible]:ring-ring hover:shadow-md">
      <div className="flex items-start gap-3">
        <AppIcon icon={server.icon} background={server.iconBackground} />
        <div className="min-w-0 flex-1">
          {/* The whole card opens the drawer; the name button is what keyboards and screen readers reach. */}
          <button
            type="button"
            onClick={onOpen}
            aria-haspopup="dialog"
            data-open-server
            className="block max-w-full cursor-pointer truncate text-left font-medium outline-none after:absolute after:inset-0 after:rounded-xl"
          >
            {server.name}
          </button>
          <p className="truncate font-mono text-xs text-muted-foreground">{server.identifier}</p>
        </div>
        {canEdit && (
          <DropdownMenu>
            <DropdownMenuTrigger asChild>
              <Button variant="ghost" size="icon-sm" aria-label={`Actions for ${server.name}`} className="relative z-10 -mr-1 -mt-1">
                <MoreHorizontal aria-hidden />
              </Button>
            </DropdownMenuTrigger>
            <DropdownMenuContent align="end">
              <DropdownMenuItem onSelect={onEdit}>
                <Pencil aria-hidden /> Edit
              </DropdownMenuItem>
              <DropdownMenuItem variant="destructive" onSelect={onRemove}>
                <Trash2 aria-hidden /> Remove
              </DropdownMenuItem>
            </DropdownMenuContent>
          </DropdownMenu>
        )}
      </div>
      {/* Above the card-wide button, so its title (the reason) shows on hover. */}
      <div className="relative z-10 flex flex-wrap items-center gap-2">
        <ServerStatusBadge status={server.status} reason={server.statusReason} oauth={server.oauth} />
        {server.toolsChangedAt && (
          <Badge variant="info" title="The server said its tools changed. Open it and press Refresh tools.">
            Tools changed
          </Badge>
        )}
        {canEdit && needsAuthorizeAction(server) && <AuthorizeButton server={server} variant="outline" className="h-7" />}
      </div>
      {server.oauth.authorized && <p className="-mt-1 truncate text-xs text-muted-foreground">{tokenSummary(server.oauth)}</p>}
      <div className="-mx-4 mt-auto flex items-center justify-between gap-3 border-t px-4 pt-3 text-xs text-muted-foreground">
        <span className="flex items-center gap-1.5">
          <Wrench aria-hidden className="size-3.5" />
          {toolCountLabel(server.tools.length)}
        </span>
        <time dateTime={updated.toISOString()} title={updated.toLocaleString()} className="truncate">
          Updated {relativeTime(updated)}
        </time>
      </div>
    </li>
  );
}

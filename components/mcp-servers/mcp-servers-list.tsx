"use client";
// Tools -> MCP: the workspace's MCP servers as cards, with the add / edit dialog, the detail sheet and removal.
import { useQuery } from "@tanstack/react-query";
import { Plug, Plus } from "lucide-react";
import { useCallback, useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { McpServerCard } from "./mcp-server-card";
import type { McpServerView } from "./mcp-server-types";
import { useRemoveServer } from "./remove-server-dialog";
import { ServerDrawer } from "./server-drawer";
import { ServerFormDialog } from "./server-form-dialog";
import { useAuthorizeServer } from "./oauth-authorize";
import { useOAuthReturn } from "./oauth-return";
import { useTokenExpiryRefetch } from "./use-token-expiry-refetch";
import { useCanEdit } from "./use-can-edit";

export function McpServersList() {
  const trpc = useTRPC();
  // Always fresh when the page opens: a run elsewhere (Debug & Preview, a published app) may have renewed a token.
  const servers = useQuery({ ...trpc.mcpServers.list.queryOptions(), refetchOnMount: "always" });
  const canEdit = useCanEdit();
  const [openId, setOpenId] = useState<string | null>(null);
  useOAuthReturn(useCallback((id: string) => setOpenId(id), []));
  useTokenExpiryRefetch(servers.data);
  // Here, not in the add dialog: "Add & authorize" closes the dialog while the popup is still open.
  const authorizer = useAuthorizeServer();
  // Kept after closing, so the dialog's title does not change while it fades out.
  const [form, setForm] = useState<{ open: boolean; server: McpServerView | null }>({ open: false, server: null });
  const removal = useRemoveServer({ onRemoved: (id) => setOpenId((open) => (open === id ? null : open)) });
  // The sheet reads from the list, so it follows every refetch (status, tools, edits).
  const openServer = servers.data?.find((s) => s.id === openId) ?? null;

  const addButton = (
    <Button onClick={() => setForm({ open: true, server: null })}>
      <Plus aria-hidden /> Add MCP Server (HTTP)
    </Button>
  );

  let body: React.ReactNode;
  if (servers.isPending) {
    body = (
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-busy>
        <span className="sr-only">Loading MCP servers…</span>
        {[0, 1, 2].map((i) => (
          <div key={i} className="flex flex-col gap-4 rounded-xl border bg-card p-4">
            <div className="flex items-start gap-3">
              <Skeleton className="size-10 rounded-lg" />
              <div className="grid flex-1 gap-2 pt-0.5">
                <Skeleton className="h-4 w-2/3" />
                <Skeleton className="h-3 w-1/3" />
              </div>
            </div>
            <div className="flex justify-between">
              <Skeleton className="h-5 w-20 rounded-full" />
              <Skeleton className="h-4 w-32" />
            </div>
          </div>
        ))}
      </div>
    );
  } else if (servers.isError) {
    body = <p className="text-sm text-destructive">{servers.error.message}</p>;
  } else if (servers.data.length === 0) {
    body = (
      <EmptyState
        icon={Plug}
        title="No MCP servers connected"
        description={
          canEdit
            ? "Connect an MCP server over HTTP, with custom headers if it needs them, and give its tools to your agents."
            : "Editors and admins of this workspace can connect MCP servers; their tools then show up here."
        }
        action={canEdit ? addButton : undefined}
      />
    );
  } else {
    body = (
      <ul className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="MCP servers">
        {servers.data.map((server) => (
          <McpServerCard
            key={server.id}
            server={server}
            canEdit={canEdit}
            onOpen={() => setOpenId(server.id)}
            onEdit={() => setForm({ open: true, server })}
            onRemove={() => void removal.request(server)}
          />
        ))}
      </ul>
    );
  }

  return (
    <div className="grid grid-cols-1 gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold tracking-tight">MCP servers</h2>
          <p className="text-sm text-muted-foreground">Servers reached over Streamable HTTP (2026-07-28 or 2025) or the deprecated HTTP+SSE. Give their tools to agents in the app editor.</p>
        </div>
        {canEdit && servers.data && servers.data.length > 0 && addButton}
      </div>
      {body}
      <ServerDrawer
        server={openServer}
        onClose={() => setOpenId(null)}
        canEdit={canEdit}
        onEdit={(server) => setForm({ open: true, server })}
        onRemove={(server) => void removal.request(server)}
        removing={removal.checking !== null}
      />
      <ServerFormDialog
        open={form.open}
        onOpenChange={(open) => setForm((f) => ({ ...f, open }))}
        server={form.server}
        authorize={(target) => void authorizer.start(target)}
      />
      {removal.dialog}
    </div>
  );
}

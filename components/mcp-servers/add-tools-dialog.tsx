"use client";
// The agent editor's tool picker: per MCP server, all tools (following future updates) or a chosen few.
import { Plug } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import type { ToolBinding } from "@/server/apps/app-config";
import type { McpServerView } from "./mcp-server-types";
import { ServerPickCard } from "./server-pick-card";
import { applyPicks, picksFrom, type ToolPick } from "./tool-bindings";
import { useReturnFocus } from "./use-return-focus";

export function AddToolsDialog({
  open,
  onOpenChange,
  servers,
  bindings,
  onSave,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** undefined while loading. */
  servers: McpServerView[] | undefined;
  bindings: ToolBinding[];
  onSave: (next: ToolBinding[]) => void;
}) {
  const returnFocus = useReturnFocus();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="grid-cols-1 sm:max-w-2xl" {...returnFocus}>
        <DialogHeader>
          <DialogTitle>Add tools</DialogTitle>
          <DialogDescription>
            Add every tool of a server, which also picks up tools it adds later, or check the ones the agent may call.
          </DialogDescription>
        </DialogHeader>
        {servers === undefined ? (
          <div className="grid gap-3" aria-busy>
            <span className="sr-only">Loading MCP servers…</span>
            <Skeleton className="h-24" />
            <Skeleton className="h-24" />
          </div>
        ) : servers.length === 0 ? (
          <div className="flex items-center gap-3 rounded-lg border border-dashed p-4 text-sm text-muted-foreground">
            <Plug aria-hidden className="size-4 shrink-0" />
            <span>
              No MCP servers in this workspace yet.{" "}
              <Link href="/tools" className="font-medium text-foreground underline underline-offset-4">
                Connect one under Tools
              </Link>
              .
            </span>
          </div>
        ) : (
          <Picker servers={servers} bindings={bindings} onCancel={() => onOpenChange(false)} onSave={(next) => (onSave(next), onOpenChange(false))} />
        )}
      </DialogContent>
    </Dialog>
  );
}

function Picker({
  servers,
  bindings,
  onCancel,
  onSave,
}: {
  servers: McpServerView[];
  bindings: ToolBinding[];
  onCancel: () => void;
  onSave: (next: ToolBinding[]) => void;
}) {
  const [picks, setPicks] = useState(() => picksFrom(bindings));
  const setPick = (id: string, pick: ToolPick | null) =>
    setPicks((current) => {
      const next = new Map(current);
      if (pick) next.set(id, pick);
      else next.delete(id);
      return next;
    });

  return (
    <>
      {/* grid-cols-1 (minmax(0, 1fr)): a long tool description truncates instead of widening the dialog past its edge. */}
      <ul className="grid grid-cols-1 gap-3" aria-label="MCP servers">
        {servers.map((server) => (
          <ServerPickCard
            key={server.id}
            server={server}
            pick={picks.get(server.id)}
            bound={bindings.some((b) => b.serverId === server.id)}
            onPick={(pick) => setPick(server.id, pick)}
          />
        ))}
      </ul>
      <DialogFooter>
        <Button variant="outline" onClick={onCancel}>
          Cancel
        </Button>
        <Button onClick={() => onSave(applyPicks(bindings, picks, servers))}>Save tools</Button>
      </DialogFooter>
    </>
  );
}

"use client";
// "Update tools": list the server's tools live, show what changed, and save only once confirmed.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CircleAlert, RefreshCw } from "lucide-react";
import { useRef, useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { McpServerView, ToolsPreviewView } from "./mcp-server-types";

export function UpdateToolsButton({ server, label = "Update tools" }: { server: McpServerView; label?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [preview, setPreview] = useState<ToolsPreviewView | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.mcpServers.list.queryFilter());
  const fetchPreview = useMutation(
    trpc.mcpServers.previewTools.mutationOptions({
      onSuccess: (result) => {
        if (result.status === "ok") return setPreview(result);
        // Expected, not a failure: the card and the drawer now offer Authorize.
        toast.info(`${server.name} needs authorization`, { description: "Press Authorize, then update its tools." });
        void refresh();
      },
      // The server records the failure as the server's status; show it on the card and in the drawer.
      onError: (error) => (toast.error("Could not list the tools", { description: error.message }), refresh()),
    }),
  );
  const apply = useMutation(trpc.mcpServers.applyTools.mutationOptions());
  // The button is disabled while the preview loads, which drops its focus: return to it by reference.
  const button = useRef<HTMLButtonElement>(null);

  async function confirm() {
    if (!preview) return;
    try {
      await apply.mutateAsync({ id: server.id, token: preview.token });
      await refresh();
      toast.success("Tools updated", { description: `${preview.tools.length} ${preview.tools.length === 1 ? "tool" : "tools"} saved.` });
      setPreview(null);
    } catch {
      // Shown in the dialog below; an expired preview asks for a new one.
    }
  }

  const diff = preview?.diff;
  const unchanged = diff && diff.added.length + diff.removed.length + diff.changed.length === 0;
  return (
    <>
      <Button ref={button} variant="outline" size="sm" loading={fetchPreview.isPending} onClick={() => (apply.reset(), fetchPreview.mutate({ id: server.id }))}>
        {!fetchPreview.isPending && <RefreshCw aria-hidden />} {label}
      </Button>
      <Dialog open={preview !== null} onOpenChange={(open) => !open && !apply.isPending && setPreview(null)}>
        <DialogContent className="sm:max-w-md" onCloseAutoFocus={(e) => (e.preventDefault(), button.current?.focus())}>
          <DialogHeader>
            <DialogTitle>Update tools of {server.name}?</DialogTitle>
            <DialogDescription>
              {unchanged
                ? `No changes: the server lists the same ${preview?.tools.length ?? 0} tools as saved.`
                : `The server now lists ${preview?.tools.length ?? 0} tools. Review the changes, then apply them.`}
            </DialogDescription>
          </DialogHeader>
          {diff && !unchanged && (
            <div className="grid gap-3">
              <DiffGroup label="Added" names={diff.added} variant="success" />
              <DiffGroup label="Removed" names={diff.removed} variant="destructive" note="Apps lose these tools." />
              <DiffGroup label="Changed" names={diff.changed} variant="warning" note="Descriptions or parameters changed." />
            </div>
          )}
          {apply.isError && (
            <p role="alert" className="flex items-start gap-2 rounded-md border border-destructive/20 bg-destructive/10 px-3 py-2 text-sm text-destructive dark:text-[oklch(0.75_0.16_25)]">
              <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
              {apply.error.message}
            </p>
          )}
          <DialogFooter>
            <Button variant="outline" onClick={() => setPreview(null)} disabled={apply.isPending}>
              Cancel
            </Button>
            <Button onClick={confirm} loading={apply.isPending}>
              Apply update
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}

function DiffGroup({ label, names, variant, note }: { label: string; names: string[]; variant: BadgeVariant; note?: string }) {
  if (names.length === 0) return null;
  return (
    <section aria-label={`${label} tools`} className="grid gap-1.5">
      <h3 className="flex items-center gap-2 text-sm font-medium">
        <Badge variant={variant}>
          {label} {names.length}
        </Badge>
        {note && <span className="text-xs font-normal text-muted-foreground">{note}</span>}
      </h3>
      <ul className="flex flex-wrap gap-1.5">
        {names.map((name) => (
          <li key={name} className="rounded-md border bg-muted/50 px-1.5 py-0.5 font-mono text-xs">
            {name}
          </li>
        ))}
      </ul>
    </section>
  );
}

"use client";
// The resources of a bound server that the agent is given as context: read at the start of every run and put into
// its system prompt (server/mcp/servers/resource-context.ts). Choosing lists the server's resources, which
// connects to it, so the list waits for the person to ask.
import { useQuery } from "@tanstack/react-query";
import { FileText, LoaderCircle, X } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import type { ToolBinding } from "@/server/apps/app-config";

const maxResources = 20;

function ResourceChoices({ serverId, chosen, disabled, onToggle }: { serverId: string; chosen: string[]; disabled?: boolean; onToggle: (uri: string, on: boolean) => void }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.mcpServers.resources.queryOptions({ id: serverId }, { retry: false }));
  if (list.isPending) {
    return (
      <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
        <LoaderCircle aria-hidden className="size-3.5 animate-spin" /> Loading resources…
      </p>
    );
  }
  if (list.error) return <p role="alert" className="text-xs text-destructive">{list.error.message}</p>;
  if (list.data.resources.length === 0) return <p className="text-xs text-muted-foreground">This server lists no resources.</p>;
  return (
    <ul className="grid max-h-56 gap-1.5 overflow-y-auto" aria-label="Resources to give as context">
      {list.data.resources.map((r) => {
        const on = chosen.includes(r.uri);
        return (
          <li key={r.uri}>
            <label className="flex min-w-0 items-center gap-2 text-xs">
              <Checkbox checked={on} disabled={disabled || (!on && chosen.length >= maxResources)} onCheckedChange={(checked) => onToggle(r.uri, checked === true)} />
              <span className="truncate">{r.title ?? r.name}</span>
              <span className="min-w-0 truncate font-mono text-muted-foreground">{r.uri}</span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}

export function BindingResources({ binding, serverName, disabled, onChange }: { binding: ToolBinding; serverName: string; disabled?: boolean; onChange: (next: ToolBinding) => void }) {
  const [choosing, setChoosing] = useState(false);
  const chosen = binding.resources ?? [];
  const set = (resources: string[]) => onChange({ ...binding, resources });
  return (
    <div className="grid gap-2 border-t px-3 py-2" aria-label={`Context resources from ${serverName}`} role="group">
      <div className="flex items-center gap-2">
        <span className="text-xs font-medium">Resources as context</span>
        <span className="text-xs text-muted-foreground">{chosen.length === 0 ? "none" : `${chosen.length} of at most ${maxResources}`}</span>
        <Button variant="ghost" size="sm" className="ml-auto h-7" disabled={disabled} onClick={() => setChoosing(!choosing)} aria-expanded={choosing}>
          {choosing ? "Done" : "Choose resources"}
        </Button>
      </div>
      {chosen.length > 0 && (
        <ul className="grid gap-1">
          {chosen.map((uri) => (
            <li key={uri} className="flex min-w-0 items-center gap-2 text-xs">
              <FileText aria-hidden className="size-3.5 shrink-0 text-muted-foreground" />
              <span className="min-w-0 flex-1 truncate font-mono" title={uri}>{uri}</span>
              <Button variant="ghost" size="icon-sm" className="size-6" aria-label={`Stop giving ${uri}`} disabled={disabled} onClick={() => set(chosen.filter((u) => u !== uri))}>
                <X aria-hidden />
              </Button>
            </li>
          ))}
        </ul>
      )}
      {choosing && (
        <ResourceChoices
          serverId={binding.serverId}
          chosen={chosen}
          disabled={disabled}
          onToggle={(uri, on) => set(on ? [...chosen, uri] : chosen.filter((u) => u !== uri))}
        />
      )}
      {chosen.length > 0 && <p className="text-xs text-muted-foreground">Read at the start of every run and added to the instructions, cut to a size limit.</p>}
    </div>
  );
}

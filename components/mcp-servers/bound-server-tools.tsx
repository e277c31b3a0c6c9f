"use client";
import { Settings2, TriangleAlert, X } from "lucide-react";
import { useState } from "react";
import { AppIcon } from "@/components/apps/app-icon";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Switch } from "@/components/ui/switch";
import type { ToolBinding } from "@/server/apps/app-config";
import type { McpServerView } from "./mcp-server-types";
import { BindingResources } from "./binding-resources";
import { BoundToolSettingsDialog } from "./bound-tool-settings-dialog";
import { ToolApprovalSelect } from "./tool-approval-select";
import { boundRows, setToolApproval, setToolDescription, setToolEnabled, type BoundToolRow } from "./tool-bindings";

/** One bound server in the agent's Tools section: its header, a switch and an approval choice per tool, its context
 *  resources, and removal. */
export function BoundServerTools({
  binding,
  server,
  loading,
  disabled,
  onChange,
  onRemove,
}: {
  binding: ToolBinding;
  /** undefined when the server was removed (or while the list loads). */
  server: McpServerView | undefined;
  loading: boolean;
  disabled?: boolean;
  onChange: (next: ToolBinding) => void;
  onRemove: () => void;
}) {
  const gone = !loading && !server;
  const name = server?.name ?? (gone ? "Removed server" : "Loading…");
  const rows = boundRows(binding, server);
  const listed = rows.filter((r) => !r.missing);
  const [editing, setEditing] = useState<BoundToolRow | null>(null);

  return (
    <li className="rounded-lg border" aria-label={`${name} tools`}>
      <div className="flex items-center gap-2.5 border-b bg-muted/40 px-3 py-2">
        {server ? (
          <AppIcon icon={server.icon} background={server.iconBackground} className="size-6 rounded-md text-sm" />
        ) : (
          <span aria-hidden className="flex size-6 items-center justify-center rounded-md bg-muted text-muted-foreground">
            <TriangleAlert className="size-3.5" />
          </span>
        )}
        <span className="min-w-0 truncate text-sm font-medium">{name}</span>
        {binding.mode === "all" && <Badge variant="info">all tools</Badge>}
        <span className="ml-auto shrink-0 text-xs tabular-nums text-muted-foreground">
          {listed.filter((r) => r.enabled).length}/{listed.length}
        </span>
        <Button variant="ghost" size="icon-sm" className="-mr-1.5 size-7" aria-label={`Remove ${name}`} disabled={disabled} onClick={onRemove}>
          <X aria-hidden />
        </Button>
      </div>
      {gone && (
        <p className="px-3 py-2 text-[13px] text-muted-foreground">
          This server was removed from the workspace, so its tools cannot be called. Remove it here.
        </p>
      )}
      {!gone && rows.length === 0 && (
        <p className="px-3 py-2 text-[13px] text-muted-foreground">
          {binding.mode === "all" ? "The server lists no tools yet; new ones will be enabled." : "No tools selected."}
        </p>
      )}
      {rows.length > 0 && (
        <ul className="divide-y">
          {rows.map((row) => (
            <li key={row.name} className="grid grid-cols-[minmax(0,1fr)] gap-1.5 px-3 py-2 text-sm">
              <div className="flex items-center gap-3">
                <span className="min-w-0 flex-1">
                  <span className="block truncate font-mono text-xs">{row.name}</span>
                  {row.missing ? (
                    <span className="block text-xs text-warning">No longer listed by the server</span>
                  ) : (
                    (row.override ?? row.summary) && <span className="block truncate text-xs text-muted-foreground">{row.override ?? row.summary}</span>
                  )}
                  {row.override && !row.missing && <Badge variant="info" className="mt-1">Own description</Badge>}
                </span>
                {!row.missing && !gone && (
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    className="size-7 shrink-0"
                    aria-label={`Settings for ${row.name}`}
                    disabled={disabled}
                    onClick={() => setEditing(row)}
                  >
                    <Settings2 aria-hidden />
                  </Button>
                )}
                <Switch
                  aria-label={`Enable ${row.name} from ${name}`}
                  checked={row.enabled && !row.missing}
                  disabled={disabled || row.missing || gone}
                  onCheckedChange={(checked) => onChange(setToolEnabled(binding, row.name, checked))}
                />
              </div>
              {!row.missing && !gone && (
                <ToolApprovalSelect
                  toolName={row.name}
                  serverName={name}
                  choice={row.approval}
                  annotations={row.annotations}
                  disabled={disabled}
                  onChange={(choice) => onChange(setToolApproval(binding, row.name, choice, row.enabled))}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {server && <BindingResources binding={binding} serverName={name} disabled={disabled} onChange={onChange} />}
      <BoundToolSettingsDialog
        open={editing !== null}
        onOpenChange={(open) => !open && setEditing(null)}
        toolName={editing?.name ?? ""}
        serverDescription={editing?.summary}
        override={editing?.override}
        onSave={(description) => editing && onChange(setToolDescription(binding, editing.name, description, editing.enabled))}
      />
    </li>
  );
}

"use client";
import { useQuery } from "@tanstack/react-query";
import { Plug, Plus } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { AddToolsDialog } from "@/components/mcp-servers/add-tools-dialog";
import { BoundServerTools } from "@/components/mcp-servers/bound-server-tools";
import { countTools } from "@/components/mcp-servers/tool-bindings";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { ToolBinding } from "@/server/apps/app-config";

/** The agent's tools, grouped by server, with per-tool switches. Servers come from Tools -> MCP. */
export function ToolsSection({
  tools,
  maxToolRounds,
  onChange,
  onRoundsChange,
  disabled,
}: {
  tools: ToolBinding[];
  maxToolRounds: number;
  onChange: (next: ToolBinding[]) => void;
  onRoundsChange: (rounds: number) => void;
  disabled?: boolean;
}) {
  const trpc = useTRPC();
  const servers = useQuery(trpc.mcpServers.list.queryOptions());
  const [picking, setPicking] = useState(false);
  const { enabled, total } = countTools(tools, servers.data);

  return (
    <div className="grid grid-cols-1 gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span role="status" className="text-sm text-muted-foreground" aria-label="Enabled tools" data-testid="enabled-tools-count">
          {enabled}/{total} Enabled
        </span>
        {!disabled && (
          <Button variant="outline" size="sm" onClick={() => setPicking(true)}>
            <Plus aria-hidden /> Add tools
          </Button>
        )}
      </div>
      {tools.length === 0 ? (
        <div className="flex items-center gap-3 rounded-lg border border-dashed p-4 text-sm text-muted-foreground">
          <Plug aria-hidden className="size-4 shrink-0" />
          <span>
            No tools yet.{" "}
            {servers.data?.length === 0 ? (
              <>
                Connect an MCP server under{" "}
                <Link href="/tools" className="font-medium text-foreground underline underline-offset-4">
                  Tools
                </Link>
                , then add its tools here.
              </>
            ) : (
              "Press Add tools to give the agent tools from your MCP servers."
            )}
          </span>
        </div>
      ) : (
        <ul className="grid grid-cols-1 gap-3" aria-label="Agent tools">
          {tools.map((binding, i) => (
            <BoundServerTools
              key={binding.serverId}
              binding={binding}
              server={servers.data?.find((s) => s.id === binding.serverId)}
              loading={servers.isPending}
              disabled={disabled}
              onChange={(next) => onChange(tools.map((b, j) => (j === i ? next : b)))}
              onRemove={() => onChange(tools.filter((_, j) => j !== i))}
            />
          ))}
        </ul>
      )}
      <label className="flex items-center justify-end gap-2 text-sm text-muted-foreground">
        Max tool-call rounds
        <Input
          type="number"
          min={1}
          max={50}
          className="w-20 text-foreground"
          value={maxToolRounds}
          disabled={disabled}
          onChange={(e) => onRoundsChange(Math.min(50, Math.max(1, Math.round(Number(e.target.value) || 1))))}
        />
      </label>
      <AddToolsDialog open={picking} onOpenChange={setPicking} servers={servers.data} bindings={tools} onSave={onChange} />
    </div>
  );
}

"use client";
import { Check } from "lucide-react";
import { AppIcon } from "@/components/apps/app-icon";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { toolCountLabel } from "./mcp-server-card";
import type { McpServerView } from "./mcp-server-types";
import type { ToolPick } from "./tool-bindings";

/** One server in the Add tools dialog: "Add all tools" (follows updates) or a checkbox per tool. */
export function ServerPickCard({
  server,
  pick,
  bound,
  onPick,
}: {
  server: McpServerView;
  pick: ToolPick | undefined;
  /** Already bound to the agent before the dialog opened. */
  bound: boolean;
  onPick: (pick: ToolPick | null) => void;
}) {
  const all = pick?.mode === "all";
  const toggle = (name: string, checked: boolean) => {
    const names = new Set(pick?.mode === "selected" ? pick.names : []);
    if (checked) names.add(name);
    else names.delete(name);
    onPick({ mode: "selected", names });
  };
  return (
    <li className="rounded-lg border">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2 p-3">
        <AppIcon icon={server.icon} background={server.iconBackground} className="size-8 text-base" />
        <div className="min-w-44 flex-1">
          <h3 className="flex flex-wrap items-center gap-2 text-sm font-medium">
            <span className="truncate">{server.name}</span>
            {bound && <Badge variant="info">Added</Badge>}
          </h3>
          <p className="text-xs text-muted-foreground">
            <span className="font-mono">{server.identifier}</span> · {toolCountLabel(server.tools.length)}
          </p>
        </div>
        <Button
          variant={all ? "secondary" : "outline"}
          size="sm"
          aria-pressed={all}
          aria-label={`Add all tools of ${server.name}`}
          onClick={() => onPick(all ? null : { mode: "all" })}
          className={cn(all && "text-primary dark:text-info")}
        >
          {all && <Check aria-hidden />} Add all tools
        </Button>
      </div>
      {all && (
        <p className="border-t bg-muted/40 px-3 py-1.5 text-xs text-muted-foreground">
          All tools, including ones the server adds later. Switch single tools off in the Tools section.
        </p>
      )}
      {server.tools.length === 0 ? (
        <p className="border-t px-3 py-2.5 text-[13px] text-muted-foreground">No tools listed yet. Update its tools under Tools.</p>
      ) : (
        <fieldset className="min-w-0 border-t">
          <legend className="sr-only">Tools of {server.name}</legend>
          <ul className="grid max-h-64 grid-cols-1 overflow-y-auto py-1">
            {server.tools.map((tool) => (
              <li key={tool.name}>
                <label
                  className={cn(
                    "flex items-start gap-2.5 px-3 py-1.5 text-sm",
                    all ? "cursor-default opacity-70" : "cursor-pointer hover:bg-accent",
                  )}
                >
                  <input
                    type="checkbox"
                    className="mt-0.5 size-4 shrink-0 cursor-pointer accent-primary disabled:cursor-default"
                    checked={all || (pick?.mode === "selected" && pick.names.has(tool.name))}
                    disabled={all}
                    onChange={(e) => toggle(tool.name, e.target.checked)}
                  />
                  <span className="min-w-0 flex-1">
                    <span className="font-mono text-xs">{tool.name}</span>
                    {tool.description && <span className="block truncate text-xs text-muted-foreground">{tool.description}</span>}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
    </li>
  );
}

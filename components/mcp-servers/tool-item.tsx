"use client";
import { FlaskConical } from "lucide-react";
import { useId, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import type { McpToolView } from "./mcp-server-types";
import { schemaFields } from "./schema-fields";
import { ToolParamsTable } from "./tool-params-table";
import { TryToolForm } from "./try-tool-form";

/** One tool in the drawer: title and name, description, parameters, and "Try it" for editors. */
export function ToolItem({ serverId, tool, canTry }: { serverId: string; tool: McpToolView; canTry: boolean }) {
  const fields = useMemo(() => schemaFields(tool.inputSchema), [tool.inputSchema]);
  const [trying, setTrying] = useState(false);
  const panelId = useId();
  const title = tool.title && tool.title !== tool.name ? tool.title : null;

  return (
    <li className="grid gap-2.5 py-4 first:pt-0 last:pb-0">
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <h4 className="text-sm font-medium">
            {title ?? <span className="font-mono">{tool.name}</span>}
            {title && <span className="ml-2 font-mono text-xs font-normal text-muted-foreground">{tool.name}</span>}
          </h4>
          {tool.description && <p className="mt-0.5 text-[13px] leading-5 text-muted-foreground">{tool.description}</p>}
        </div>
        {canTry && (
          <Button
            variant={trying ? "secondary" : "outline"}
            size="sm"
            aria-expanded={trying}
            aria-controls={panelId}
            aria-label={`Try it: ${tool.name}`}
            onClick={() => setTrying((t) => !t)}
          >
            <FlaskConical aria-hidden /> Try it
          </Button>
        )}
      </div>
      <ToolParamsTable fields={fields} toolName={tool.name} />
      <div id={panelId} hidden={!trying}>
        {trying && <TryToolForm serverId={serverId} tool={tool} />}
      </div>
    </li>
  );
}

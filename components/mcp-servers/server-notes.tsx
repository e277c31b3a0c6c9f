"use client";
// Notes in a server's sheet about its tool list and protocol: the server said its tools changed (list_changed),
// or it speaks the deprecated HTTP+SSE transport.
import { History, RefreshCw } from "lucide-react";
import type { McpServerView } from "./mcp-server-types";
import { relativeTime } from "./relative-time";
import { UpdateToolsButton } from "./update-tools-dialog";

export function ToolsChangedNote({ server, canEdit }: { server: McpServerView; canEdit: boolean }) {
  if (!server.toolsChangedAt) return null;
  return (
    <div role="status" aria-label="Tools changed" className="flex flex-wrap items-center gap-x-3 gap-y-2 rounded-lg border border-info/25 bg-info/10 px-3 py-2.5 text-sm">
      <RefreshCw aria-hidden className="size-4 shrink-0 text-info" />
      <p className="min-w-0 flex-1 leading-5">
        <span className="font-medium">The server&apos;s tools changed</span>
        <span className="text-foreground/80"> {relativeTime(server.toolsChangedAt)}. {canEdit ? "Refresh them to see what changed." : "An editor can refresh them."}</span>
      </p>
      {canEdit && <UpdateToolsButton server={server} label="Refresh tools" />}
    </div>
  );
}

export function SseDeprecatedNote({ server }: { server: McpServerView }) {
  if (server.transport !== "sse" && server.connectionKind !== "sse") return null;
  return (
    <div role="note" aria-label="HTTP+SSE is deprecated" className="flex items-start gap-2.5 rounded-lg border border-warning/25 bg-warning/10 px-3 py-2.5 text-sm">
      <History aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
      <p className="leading-5">
        <span className="font-medium">HTTP+SSE is deprecated.</span>{" "}
        <span className="text-foreground/80">
          MCP 2026-07-28 retires this transport. The server still works; ask its maker to move to Streamable HTTP.
        </span>
      </p>
    </div>
  );
}

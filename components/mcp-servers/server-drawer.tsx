"use client";
// The server's sheet: status and reason, connection details, every tool with its parameters and "Try it", and
// the server's resources and prompts.
import { CircleAlert, KeyRound, Pencil, Trash2 } from "lucide-react";
import { AppIcon } from "@/components/apps/app-icon";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CopyButton } from "@/components/ui/copy-button";
import { connectionLabel } from "@/shared/connection-label";
import { Dialog, DialogDescription, DialogTitle } from "@/components/ui/dialog";
import { toolCountLabel } from "./mcp-server-card";
import { transportLabels, type McpServerView } from "./mcp-server-types";
import { OAuthStatus } from "./oauth-status";
import { relativeTime } from "./relative-time";
import { SseDeprecatedNote, ToolsChangedNote } from "./server-notes";
import { ServerResources } from "./server-resources";
import { ServerStatusBadge } from "./server-status-badge";
import { SheetContent } from "./sheet";
import { ToolItem } from "./tool-item";
import { UpdateToolsButton } from "./update-tools-dialog";

export function ServerDrawer({
  server,
  onClose,
  canEdit,
  onEdit,
  onRemove,
  removing,
}: {
  /** The open server; null closes the sheet. */
  server: McpServerView | null;
  onClose: () => void;
  canEdit: boolean;
  onEdit: (server: McpServerView) => void;
  onRemove: (server: McpServerView) => void;
  removing: boolean;
}) {
  return (
    <Dialog open={server !== null} onOpenChange={(open) => !open && onClose()}>
      {server && (
        <SheetContent aria-label={`${server.name} details`}>
          <header className="grid gap-4 border-b px-5 pb-4 pt-5 sm:px-6">
            <div className="flex items-start gap-3 pr-8">
              <AppIcon icon={server.icon} background={server.iconBackground} />
              <div className="min-w-0 flex-1">
                <DialogTitle className="truncate">{server.name}</DialogTitle>
                <DialogDescription className="truncate font-mono text-xs leading-5">{server.identifier}</DialogDescription>
              </div>
            </div>
            <div className="flex flex-wrap items-center gap-2">
              <ServerStatusBadge status={server.status} reason={server.statusReason} oauth={server.oauth} />
              {canEdit && (
                <div className="flex w-full flex-wrap gap-2 sm:ml-auto sm:w-auto">
                  <UpdateToolsButton server={server} />
                  <Button variant="outline" size="sm" onClick={() => onEdit(server)}>
                    <Pencil aria-hidden /> Edit
                  </Button>
                  <Button variant="outline" size="sm" loading={removing} onClick={() => onRemove(server)} className="text-destructive hover:text-destructive dark:text-[oklch(0.75_0.16_25)]">
                    {!removing && <Trash2 aria-hidden />} Remove
                  </Button>
                </div>
              )}
            </div>
          </header>
          <div className="grid flex-1 content-start gap-6 overflow-y-auto px-5 py-5 sm:px-6">
            <StatusNote server={server} />
            <ToolsChangedNote server={server} canEdit={canEdit} />
            <SseDeprecatedNote server={server} />
            <OAuthStatus server={server} canEdit={canEdit} />
            <ServerDetails server={server} />
            <section aria-labelledby="drawer-tools-heading" className="grid gap-3">
              <h3 id="drawer-tools-heading" className="flex items-baseline gap-2 text-sm font-semibold">
                Tools <span className="text-xs font-normal text-muted-foreground">{toolCountLabel(server.tools.length)}</span>
              </h3>
              {server.tools.length === 0 ? (
                <p className="rounded-lg border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">
                  No tools listed yet.{canEdit ? " Press Update tools to list them." : ""}
                </p>
              ) : (
                <ul className="divide-y">
                  {server.tools.map((tool) => (
                    <ToolItem key={tool.name} serverId={server.id} tool={tool} canTry={canEdit} />
                  ))}
                </ul>
              )}
            </section>
            {/* Reading them connects with the stored credentials: editors only, like "Try it". */}
            {canEdit && <ServerResources serverId={server.id} />}
          </div>
        </SheetContent>
      )}
    </Dialog>
  );
}

function StatusNote({ server }: { server: McpServerView }) {
  if (server.status !== "error" && server.status !== "needs_authorization") return null;
  const warning = server.status === "needs_authorization";
  const Icon = warning ? KeyRound : CircleAlert;
  return (
    <div
      role="status"
      className={cn(
        "flex items-start gap-2.5 rounded-lg border px-3 py-2.5 text-sm",
        warning ? "border-warning/25 bg-warning/10 text-warning" : "border-destructive/20 bg-destructive/10 text-destructive dark:text-[oklch(0.75_0.16_25)]",
      )}
    >
      <Icon aria-hidden className="mt-0.5 size-4 shrink-0" />
      <div className="grid gap-0.5">
        <p className="font-medium">{warning ? "Needs authorization" : server.authMode !== "none" && !server.oauth.authorized ? "Authorization failed" : "Could not reach the server"}</p>
        <p className="leading-5 text-foreground/80">{server.statusReason ?? "No reason was recorded."}</p>
      </div>
    </div>
  );
}

function ServerDetails({ server }: { server: McpServerView }) {
  const rows: [string, React.ReactNode][] = [
    [
      "URL",
      <span key="url" className="flex items-start gap-1">
        <span className="min-w-0 break-all pt-1.5 font-mono text-xs">{server.url}</span>
        <CopyButton value={server.url} label="URL" className="-my-0.5 shrink-0" />
      </span>,
    ],
    ["Transport", transportLabels[server.transport]],
    [
      "Protocol",
      server.connectionKind ? connectionLabel(server.connectionKind, server.protocolVersion) : <span className="text-muted-foreground">Known after the tools are listed</span>,
    ],
    [
      "Timeouts",
      `Connect ${server.connectTimeoutMs / 1000} s · tool call ${server.callTimeoutMs / 1000} s · SSE read ${server.sseReadTimeoutMs / 1000} s`,
    ],
    [
      "Headers",
      server.headers.length ? (
        <span className="font-mono text-xs">{server.headers.map((h) => h.name).join(", ")}</span>
      ) : (
        <span className="text-muted-foreground">None</span>
      ),
    ],
    ["Tools listed", server.toolsUpdatedAt ? relativeTime(server.toolsUpdatedAt) : <span className="text-muted-foreground">Never</span>],
  ];
  return (
    <dl className="grid grid-cols-[6.5rem_1fr] gap-x-4 gap-y-2.5 text-sm">
      {rows.map(([label, value]) => (
        <div key={label} className="contents">
          <dt className="pt-px text-muted-foreground">{label}</dt>
          <dd className="min-w-0">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { McpServerStatus } from "./mcp-server-types";

export const statusInfo: Record<McpServerStatus, { label: string; variant: BadgeVariant }> = {
  connected: { label: "Connected", variant: "success" },
  needs_authorization: { label: "Needs authorization", variant: "warning" },
  error: { label: "Error", variant: "destructive" },
  unknown: { label: "Not checked", variant: "neutral" },
};

/** The server's last known state; the reason, when there is one, shows on hover (and in the drawer). */
export function ServerStatusBadge({ status, reason }: { status: McpServerStatus; reason?: string | null }) {
  const info = statusInfo[status];
  return (
    <Badge variant={info.variant} dot={status !== "unknown"} title={reason ?? undefined} className="cursor-default">
      {info.label}
      {reason && <span className="sr-only">: {reason}</span>}
    </Badge>
  );
}

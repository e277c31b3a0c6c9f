import { Badge, type BadgeVariant } from "@/components/ui/badge";
import type { McpServerStatus, McpServerView } from "./mcp-server-types";

export const statusInfo: Record<McpServerStatus, { label: string; variant: BadgeVariant }> = {
  connected: { label: "Connected", variant: "success" },
  needs_authorization: { label: "Needs authorization", variant: "warning" },
  error: { label: "Error", variant: "destructive" },
  unknown: { label: "Not checked", variant: "neutral" },
};

const soonMs = 10 * 60_000;

/** An access token that cannot renew itself and ends within ten minutes is worth a warning before it fails. */
export function expiringSoon(oauth: McpServerView["oauth"] | undefined, now = Date.now()) {
  if (!oauth?.authorized || oauth.renewable || !oauth.tokenExpiresAt) return false;
  return new Date(oauth.tokenExpiresAt).getTime() - now < soonMs;
}

/** The server's last known state; the reason, when there is one, shows on hover (and in the drawer). */
export function ServerStatusBadge({ status, reason, oauth }: { status: McpServerStatus; reason?: string | null; oauth?: McpServerView["oauth"] }) {
  let info = statusInfo[status];
  if (status === "connected" && expiringSoon(oauth)) info = { label: "Expiring soon", variant: "warning" };
  if (status === "needs_authorization" && /re-authorization/i.test(reason ?? "")) info = { label: "Needs re-authorization", variant: "warning" };
  return (
    <Badge variant={info.variant} dot={status !== "unknown"} title={reason ?? undefined} className="cursor-default">
      {info.label}
      {reason && <span className="sr-only">: {reason}</span>}
    </Badge>
  );
}

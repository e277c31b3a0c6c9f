"use client";
// Connected clients of one published server (sign-in mode), with Revoke: the same card on an app's MCP Server tab
// and on the workspace server's page, each passing its own list and revoke. A revoked client's tokens stop working
// at its next request, on every instance.
import type { UseQueryResult } from "@tanstack/react-query";
import { toast } from "sonner";
import { GrantListCard } from "@/components/authorization-server/grant-list-card";
import { formatWhen } from "@/components/ui/format-when";
import { RevokeButton } from "@/components/ui/revoke-button";

export interface ServerGrant {
  grantId: string;
  clientId: string;
  clientName: string;
  userName: string | null;
  userEmail: string;
  redirectHost: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export function ServerClientsCard({ grants, revoke }: { grants: UseQueryResult<ServerGrant[], { message: string }>; revoke: (grantId: string) => Promise<unknown> }) {
  return (
    <GrantListCard
      title="Connected clients"
      description="Clients that people signed in to with their Switchyard account. Revoke one and it must ask again."
      empty={{ title: "No client connected yet", text: "When someone adds this server to Claude, ChatGPT or another client and signs in, it shows here." }}
      grants={grants}
      row={(g) => (
        <>
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium" title={g.clientId}>
              {g.clientName} <span className="font-normal text-muted-foreground">· {g.userName || g.userEmail}</span>
            </p>
            <p className="text-xs text-muted-foreground">
              Granted {formatWhen(g.createdAt)} · last used {formatWhen(g.lastUsedAt)} · returns to {g.redirectHost}
            </p>
          </div>
          <RevokeButton
            title={`Revoke ${g.clientName} for ${g.userName || g.userEmail}?`}
            description="Its tokens stop working at the next request. To use this server again, the person signs in again from the client."
            confirmLabel="Revoke access"
            onConfirm={async () => {
              await revoke(g.grantId);
              toast.success(`${g.clientName} disconnected`);
            }}
          />
        </>
      )}
    />
  );
}

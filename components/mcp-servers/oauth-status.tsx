"use client";
// The OAuth part of a server's sheet: who issued its token, when the token ends and whether it renews itself, with
// Authorize / Reconnect and Disconnect for editors; on a per-person server, the person's own connection instead.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Unplug } from "lucide-react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import type { McpServerView } from "./mcp-server-types";
import { MyConnection } from "./my-connection";
import { AuthorizeButton } from "./oauth-authorize";
import { relativeTime } from "./relative-time";

export function tokenSummary(oauth: McpServerView["oauth"]) {
  if (!oauth.authorized) return "Not authorized";
  const expires = oauth.tokenExpiresAt ? new Date(oauth.tokenExpiresAt) : null;
  const when = expires ? (expires.getTime() > Date.now() ? `token expires ${relativeTime(expires)}` : "token expired") : "token does not expire";
  return `Authorized · ${when}${oauth.renewable ? " · renews automatically" : ""}`;
}

export function OAuthStatus({ server, canEdit }: { server: McpServerView; canEdit: boolean }) {
  return server.credentialScope === "per_person" ? <MyConnection server={server} /> : <SharedOAuthStatus server={server} canEdit={canEdit} />;
}

function SharedOAuthStatus({ server, canEdit }: { server: McpServerView; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const disconnect = useMutation(trpc.mcpServers.disconnect.mutationOptions());
  // "Automatic" only matters once the server asks for authorization; a server that never did needs no panel.
  const relevant = server.oauth.authorized || server.status === "needs_authorization" || server.authMode === "oauth_custom";
  if (!relevant) return null;

  async function forget() {
    try {
      const { revoked } = await disconnect.mutateAsync({ id: server.id });
      toast.success(`${server.name} disconnected`, { description: revoked ? "Its tokens were revoked and forgotten." : "Its tokens were forgotten." });
      await queryClient.invalidateQueries(trpc.mcpServers.pathFilter());
    } catch (error) {
      toast.error("Could not disconnect", { description: error instanceof Error ? error.message : undefined });
    }
  }

  return (
    <section aria-labelledby="drawer-oauth-heading" className="grid gap-2 rounded-lg border px-3 py-2.5 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id="drawer-oauth-heading" className="font-semibold">
          OAuth
        </h3>
        {canEdit && (
          <div className="flex gap-2">
            <AuthorizeButton server={server} variant={server.oauth.authorized ? "outline" : "default"} />
            {server.oauth.authorized && (
              <Button variant="outline" size="sm" loading={disconnect.isPending} onClick={() => void forget()}>
                {!disconnect.isPending && <Unplug aria-hidden />} Disconnect
              </Button>
            )}
          </div>
        )}
      </div>
      <p data-testid="oauth-token-summary">{tokenSummary(server.oauth)}</p>
      {server.oauth.issuer && <p className="break-all font-mono text-xs text-muted-foreground">Issuer: {server.oauth.issuer}</p>}
    </section>
  );
}

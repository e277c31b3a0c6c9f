"use client";
// Back from a full-page authorization (/tools?server=<id>&oauth=connected|error&reason=<code>): open that server's
// sheet, say how it went, and drop the parameters from the address bar. The reason is a code worded here: text
// from the URL is never shown, since anyone can send a link that carries any text.
import { useEffect } from "react";
import { toast } from "sonner";
import type { OAuthReturnCode } from "@/server/mcp/oauth/oauth-return-code";

const reasons: Record<OAuthReturnCode, string> = {
  connected: "Connected.",
  tools_failed: "Authorized, but listing its tools failed. Press Update tools to try again.",
  access_denied: "The sign-in was declined at the authorization server. Press Authorize to try again.",
  invalid_scope: "The authorization server refused the requested scopes. Check the server's OAuth scopes.",
  client_refused: "The authorization server refused this client's request. Check the OAuth client settings.",
  server_unavailable: "The authorization server had a problem. Try again in a moment.",
  authorization_error: "The authorization server reported an error. Press Authorize to try again.",
  server_changed: "This server was removed or its URL changed while you were authorizing. Try again.",
  no_code: "The authorization server sent no code. Press Authorize again.",
  exchange_failed: "The authorization server did not hand out tokens. The server's status says why.",
};

export function oauthReturnText(reason: string | null, ok: boolean): string {
  if (reason && Object.hasOwn(reasons, reason)) return reasons[reason as OAuthReturnCode];
  return ok ? reasons.connected : "Press Authorize to try again.";
}

export function useOAuthReturn(openServer: (id: string) => void) {
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const outcome = params.get("oauth");
    const serverId = params.get("server");
    if (!outcome && !serverId) return;
    if (serverId) openServer(serverId);
    const reason = params.get("reason");
    if (outcome === "connected") toast.success(oauthReturnText(reason, true));
    else if (outcome === "error") toast.error("Authorization did not finish", { description: oauthReturnText(reason, false) });
    window.history.replaceState(null, "", window.location.pathname);
  }, [openServer]);
}

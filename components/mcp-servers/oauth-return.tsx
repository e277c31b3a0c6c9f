"use client";
// Back from a full-page authorization (/tools?server=<id>&oauth=connected|error&message=...): open that server's
// sheet, say how it went, and drop the parameters from the address bar.
import { useEffect } from "react";
import { toast } from "sonner";

export function useOAuthReturn(openServer: (id: string) => void) {
  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    const outcome = params.get("oauth");
    const serverId = params.get("server");
    if (!outcome && !serverId) return;
    if (serverId) openServer(serverId);
    const message = params.get("message") ?? "";
    if (outcome === "connected") toast.success(message || "Connected.");
    else if (outcome === "error") toast.error("Authorization did not finish", { description: message });
    window.history.replaceState(null, "", window.location.pathname);
  }, [openServer]);
}

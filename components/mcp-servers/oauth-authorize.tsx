"use client";
// "Authorize" / "Reconnect": the authorization server's page opens in a popup that reports back (opener message or
// BroadcastChannel) and closes; when no popup can open (blocked, most mobile browsers) the same flow runs as a
// full-page redirect that returns to the server's sheet (see oauth-return.tsx). On a per-person server the same flow
// connects the signed-in person's own account (any member may), not the workspace's shared connection.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { KeyRound, RefreshCw } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button, type ButtonProps } from "@/components/ui/button";
import type { McpServerView } from "./mcp-server-types";

/** Same name as server/mcp/oauth/callback-response.ts uses. */
const channelName = "switchyard-mcp-oauth";

interface OAuthMessage {
  type: "switchyard:mcp-oauth";
  ok: boolean;
  serverId: string | null;
  message: string;
  /** Why it ended, as a code (server/mcp/oauth/oauth-return-code.ts); absent from older pages. */
  reason?: string | null;
}

/** The server to authorize, or a step that makes it first ("Add & authorize"); null when that step failed and said why. */
type Target = Pick<McpServerView, "id" | "name"> & Partial<Pick<McpServerView, "credentialScope">>;
export type AuthorizeTarget = Target | (() => Promise<Target | null>);

const isOAuthMessage = (data: unknown): data is OAuthMessage => (data as OAuthMessage | null)?.type === "switchyard:mcp-oauth";

/** `onFinished`: told when a flow this hook started ends in the popup (not for a full-page flow, which leaves). */
export function useAuthorizeServer({ onFinished }: { onFinished?: (serverId: string, ok: boolean) => void } = {}) {
  const finished = useRef(onFinished);
  finished.current = onFinished;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const authorize = useMutation(trpc.mcpServers.authorize.mutationOptions());
  const connectMine = useMutation(trpc.mcpServers.connectMine.mutationOptions());
  const [pendingId, setPendingId] = useState<string | null>(null);
  const waiting = useRef<{ serverId: string; timer?: ReturnType<typeof setInterval> } | null>(null);

  useEffect(() => {
    const finish = (data: unknown) => {
      if (!isOAuthMessage(data) || !waiting.current || data.serverId !== waiting.current.serverId) return;
      clearInterval(waiting.current.timer);
      waiting.current = null;
      setPendingId(null);
      void queryClient.invalidateQueries(trpc.mcpServers.pathFilter());
      finished.current?.(data.serverId!, data.ok);
      if (data.ok) toast.success(data.message);
      // Declining is a choice, not a failure: the server simply still needs authorization.
      else if (data.reason === "access_denied") toast.info("Authorization declined", { description: "The server still needs authorization. Press Authorize when you are ready." });
      else toast.error("Authorization did not finish", { description: data.message });
    };
    const onMessage = (event: MessageEvent) => event.origin === window.location.origin && finish(event.data);
    const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(channelName);
    channel?.addEventListener("message", (event) => finish(event.data));
    window.addEventListener("message", onMessage);
    return () => {
      channel?.close();
      window.removeEventListener("message", onMessage);
      clearInterval(waiting.current?.timer);
    };
  }, [queryClient, trpc]);

  async function start(target: AuthorizeTarget) {
    // Opened inside the click, before any await: browsers block popups opened later.
    const popup = window.open("about:blank", "switchyard-oauth", "popup,width=520,height=720");
    const server = typeof target === "function" ? await target().catch(() => null) : target;
    if (!server) {
      popup?.close();
      return;
    }
    setPendingId(server.id);
    try {
      const started = server.credentialScope === "per_person" ? connectMine : authorize;
      const { authorizationUrl } = await started.mutateAsync({ id: server.id, display: popup ? "popup" : "page" });
      if (!/^https?:\/\//i.test(authorizationUrl)) throw new Error("The authorization address is not a web page.");
      if (!popup) {
        window.location.assign(authorizationUrl);
        return;
      }
      popup.location.href = authorizationUrl;
      // Closed by the person before finishing: refresh what we show and stop waiting.
      const timer = setInterval(() => {
        if (!popup.closed) return;
        clearInterval(timer);
        waiting.current = null;
        setPendingId(null);
        void queryClient.invalidateQueries(trpc.mcpServers.pathFilter());
      }, 500);
      waiting.current = { serverId: server.id, timer };
    } catch (error) {
      popup?.close();
      setPendingId(null);
      toast.error(`Could not start authorizing ${server.name}`, { description: error instanceof Error ? error.message : undefined });
    }
  }

  return { start, pendingId };
}

/** "Reconnect" once the server had tokens or asks for re-authorization; "Authorize" the first time. */
export function authorizeLabel(server: McpServerView) {
  return server.oauth.authorized || server.oauth.issuer || /re-authoriz|Disconnected/i.test(server.statusReason ?? "") ? "Reconnect" : "Authorize";
}

export function AuthorizeButton({ server, ...props }: { server: McpServerView } & Omit<ButtonProps, "onClick" | "children">) {
  const { start, pendingId } = useAuthorizeServer();
  const label = authorizeLabel(server);
  const Icon = label === "Reconnect" ? RefreshCw : KeyRound;
  const pending = pendingId === server.id;
  return (
    <Button size="sm" {...props} loading={pending} onClick={() => void start(server)} aria-label={`${label} ${server.name}`}>
      {!pending && <Icon aria-hidden />} {pending ? "Waiting for authorization…" : label}
    </Button>
  );
}

/** Where a failure shows, Reconnect is offered when authorizing could fix it. */
export function needsAuthorizeAction(server: McpServerView) {
  if (server.status === "needs_authorization") return true;
  return server.status === "error" && server.authMode !== "none" && !server.oauth.authorized;
}

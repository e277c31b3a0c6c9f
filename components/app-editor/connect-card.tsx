"use client";
// In Debug & Preview, in place of an answer: the per-person servers this agent needs that you have not connected.
// Connect runs the same OAuth popup as the server's sheet; once every one is connected the message is sent again.
import { KeyRound } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { useAuthorizeServer } from "@/components/mcp-servers/oauth-authorize";

export function ConnectCard({ servers, onConnected }: { servers: Array<{ id: string; name: string }>; onConnected: () => void }) {
  const [done, setDone] = useState<string[]>([]);
  const { start, pendingId } = useAuthorizeServer({
    onFinished: (serverId, ok) => {
      if (!ok) return;
      const next = [...new Set([...done, serverId])];
      setDone(next);
      if (servers.every((s) => next.includes(s.id))) onConnected();
    },
  });
  return (
    <section aria-label="Connect your accounts" className="grid gap-2 rounded-lg border border-primary/30 bg-primary/5 px-3 py-2.5 text-sm" data-testid="connect-card">
      <p>This agent uses servers where each person connects their own account. Connect yours, and your message is sent again.</p>
      <div className="flex flex-wrap gap-2">
        {servers.map((server) =>
          done.includes(server.id) ? (
            <span key={server.id} className="rounded-md border px-2 py-1 text-muted-foreground">
              {server.name} connected
            </span>
          ) : (
            <Button
              key={server.id}
              size="sm"
              loading={pendingId === server.id}
              onClick={() => void start({ ...server, credentialScope: "per_person" })}
            >
              {pendingId !== server.id && <KeyRound aria-hidden />} {pendingId === server.id ? "Waiting for authorization…" : `Connect ${server.name}`}
            </Button>
          ),
        )}
      </div>
    </section>
  );
}

"use client";
// Debug & Preview: the input form, then a chat that streams the draft's answer and shows every tool call.
import { useQuery } from "@tanstack/react-query";
import { RotateCcw, Send, Square } from "lucide-react";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Card, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { FollowScroll } from "@/components/ui/follow-scroll";
import type { AppConfig } from "@/server/apps/app-config";
import { ApprovalCard } from "./approval-card";
import { ConnectCard } from "./connect-card";
import { InputsForm } from "./inputs-form";
import { ToolStepView } from "./tool-step";
import { usePreviewChat } from "./use-preview-chat";
import { MessageInput } from "./message-input";

export function DebugPreview({
  appId,
  appType,
  draft,
  beforeRun,
}: {
  appId: string;
  appType: "chat" | "agent" | "completion";
  draft: AppConfig;
  beforeRun: () => Promise<void>;
}) {
  const trpc = useTRPC();
  const current = useQuery(trpc.workspaces.current.queryOptions());
  const { turns, running, send, stop, restart, retry, decided } = usePreviewChat({ appId, workspaceId: current.data?.id });
  const [inputs, setInputs] = useState<Record<string, unknown>>({});
  const [query, setQuery] = useState("");

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    if (running || (!query.trim() && appType !== "completion")) return;
    await beforeRun();
    const text = query.trim();
    setQuery("");
    await send(text, inputs);
  }

  return (
    <Card role="region" aria-labelledby="debug-preview-heading" className="flex max-h-[calc(100dvh-3rem)] min-h-[28rem] flex-col">
      <CardHeader className="flex-row items-center justify-between gap-2 border-b">
        <CardTitle as="h2" id="debug-preview-heading">Debug &amp; Preview</CardTitle>
        <Button variant="ghost" size="sm" onClick={restart} disabled={turns.length === 0}>
          <RotateCcw aria-hidden /> Restart
        </Button>
      </CardHeader>
      {draft.variables.length > 0 && (
        <div className="border-b p-4">
          <InputsForm variables={draft.variables} values={inputs} onChange={setInputs} />
        </div>
      )}
      <FollowScroll
        className="flex-1"
        innerClassName="p-4"
        followKey={turns.length}
        role="log"
        aria-live="polite"
        aria-label="Conversation"
      >
        <div className="grid gap-4">
          {draft.openingStatement && <Bubble role="assistant">{draft.openingStatement}</Bubble>}
          {turns.length === 0 && !draft.openingStatement && (
            <p className="py-8 text-center text-sm text-muted-foreground">
              Ask something to try the current draft. Tool calls show here step by step.
            </p>
          )}
          {turns.map((turn, i) => (
            <div key={i} className="grid gap-2">
              {turn.steps.map((step) => (
                <ToolStepView
                  key={step.callId}
                  step={step}
                  card={step.asking && <ApprovalCard appId={appId} step={step} onDecided={decided} />}
                />
              ))}
              {(turn.content || turn.role === "user" || turn.status === "running") && (
                <Bubble
                  role={turn.role}
                  pending={turn.status === "running" && !turn.content ? (turn.steps.some((s) => s.asking) ? "Waiting for your approval…" : "Thinking…") : undefined}
                >
                  {turn.content}
                </Bubble>
              )}
              {turn.status === "stopped" && <p className="text-xs text-muted-foreground">Stopped.</p>}
              {turn.connect && i === turns.length - 1 && <ConnectCard servers={turn.connect.servers} onConnected={() => void retry(turn)} />}
              {turn.error && (
                <p role="alert" className="rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
                  {turn.error}
                </p>
              )}
            </div>
          ))}
        </div>
      </FollowScroll>
      <form onSubmit={submit} className="flex items-end gap-2 border-t p-3">
        <MessageInput value={query} onChange={setQuery} onSend={() => void submit()} placeholder={appType === "completion" ? "Optional extra text, then Run" : undefined} />
        {running ? (
          <Button type="button" variant="outline" onClick={stop}>
            <Square aria-hidden /> Stop
          </Button>
        ) : (
          <Button type="submit">
            <Send aria-hidden /> {appType === "completion" ? "Run" : "Send"}
          </Button>
        )}
      </form>
    </Card>
  );
}

/** `pending`: what the answer's place says while there is none yet. */
function Bubble({ role, pending, children }: { role: "user" | "assistant"; pending?: string; children: React.ReactNode }) {
  return (
    <div
      data-role={role}
      className={cn(
        "max-w-[85%] whitespace-pre-wrap [overflow-wrap:anywhere] rounded-2xl px-3.5 py-2 text-sm",
        role === "user" ? "ml-auto bg-primary text-primary-foreground" : "bg-muted",
      )}
    >
      {pending ? <span className="inline-block animate-pulse text-muted-foreground">{pending}</span> : children}
    </div>
  );
}

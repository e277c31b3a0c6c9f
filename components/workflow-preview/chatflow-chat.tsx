"use client";
// A chatflow's Debug & Preview: a chat whose answers are the runs' Answer texts, each turn's trace under it; the
// conversation continues until Restart.
import { useMutation } from "@tanstack/react-query";
import { RotateCcw, Send, Square } from "lucide-react";
import { useEffect, useState, type FormEvent } from "react";
import { InputsForm } from "@/components/app-editor/inputs-form";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { FollowScroll } from "@/components/ui/follow-scroll";
import { RerunDialog } from "./rerun-dialog";
import { RunTrace } from "./run-trace";
import { runEnded, type RunView, type WorkflowPreviewProps } from "./types";
import { useRun } from "./use-run";
import { MessageInput } from "@/components/app-editor/message-input";

interface Turn {
  key: number;
  query: string;
  runId: string;
}

export function ChatflowChat({ appId, variables, beforeRun, onNodeStates, onSelectNode }: WorkflowPreviewProps) {
  const trpc = useTRPC();
  const [inputs, setInputs] = useState<Record<string, unknown>>({});
  const [query, setQuery] = useState("");
  const [turns, setTurns] = useState<Turn[]>([]);
  const [conversationId, setConversationId] = useState<string | null>(null);
  const [lastEnded, setLastEnded] = useState(true);
  const [rerunNode, setRerunNode] = useState<{ run: RunView; nodeId: string } | null>(null);
  const add = (query: string) => (ids: { runId: string; conversationId: string }) => {
    setConversationId(ids.conversationId);
    setLastEnded(false);
    setTurns((t) => [...t, { key: t.length, query, runId: ids.runId }]);
  };
  const runDraft = useMutation(trpc.workflows.runDraft.mutationOptions());
  const rerunFrom = useMutation(trpc.workflows.rerunFrom.mutationOptions());
  const stopRun = useMutation(trpc.workflows.stopRun.mutationOptions());
  const last = turns.at(-1);
  const running = runDraft.isPending || (Boolean(last) && !lastEnded);

  async function submit(event?: FormEvent) {
    event?.preventDefault();
    const text = query.trim();
    if (running || !text) return;
    await beforeRun();
    setQuery("");
    runDraft.mutate({ appId, inputs, query: text, conversationId }, { onSuccess: add(text), onError: () => setQuery(text) });
  }

  return (
    <>
      {variables.length > 0 && (
        <div className="border-b p-4">
          <InputsForm variables={variables} values={inputs} onChange={setInputs} />
        </div>
      )}
      <div className="flex justify-end border-b px-4 py-1.5">
        <Button variant="ghost" size="sm" disabled={turns.length === 0 || running} onClick={() => { setTurns([]); setConversationId(null); onNodeStates?.({}); }}>
          <RotateCcw aria-hidden /> Restart
        </Button>
      </div>
      <FollowScroll className="flex-1" innerClassName="p-4" followKey={turns.length} role="log" aria-live="polite" aria-label="Conversation">
        <div className="grid gap-4">
          {turns.length === 0 && <p className="py-8 text-center text-sm text-muted-foreground">Type a message and send it. Each node&apos;s run shows under the answer.</p>}
          {turns.map((turn) => (
            <ChatTurn
              key={turn.key}
              turn={turn}
              latest={turn === last}
              onNodeStates={turn === last ? onNodeStates : undefined}
              onEnded={turn === last ? () => setLastEnded(true) : undefined}
              onRerunFrom={(run, nodeId) => setRerunNode({ run, nodeId })}
              onSelectNode={onSelectNode}
            />
          ))}
          {runDraft.error && <p role="alert" className="text-sm text-destructive">{runDraft.error.message}</p>}
        </div>
      </FollowScroll>
      <form onSubmit={submit} className="flex items-end gap-2 border-t p-3">
        <MessageInput value={query} onChange={setQuery} onSend={() => void submit()} />
        {running && last ? (
          <Button type="button" variant="outline" onClick={() => stopRun.mutate({ runId: last.runId })}>
            <Square aria-hidden /> Stop
          </Button>
        ) : (
          <Button type="submit" loading={runDraft.isPending}>
            <Send aria-hidden /> Send
          </Button>
        )}
      </form>
      {rerunNode && (
        <RerunDialog
          run={rerunNode.run}
          nodeId={rerunNode.nodeId}
          onClose={() => setRerunNode(null)}
          onRun={async (outputs) => {
            await beforeRun();
            const ids = await rerunFrom.mutateAsync({ appId, runId: rerunNode.run.id, nodeId: rerunNode.nodeId, outputs });
            add(rerunNode.run.snapshot.query ?? "")(ids);
          }}
        />
      )}
    </>
  );
}

function ChatTurn({
  turn,
  latest,
  onNodeStates,
  onEnded,
  onRerunFrom,
  onSelectNode,
}: {
  turn: Turn;
  latest: boolean;
  onNodeStates?: WorkflowPreviewProps["onNodeStates"];
  onEnded?: () => void;
  onRerunFrom: (run: RunView, nodeId: string) => void;
  onSelectNode?: (nodeId: string) => void;
}) {
  const run = useRun(turn.runId, onNodeStates);
  const [open, setOpen] = useState(latest);
  const ended = runEnded(run.data?.status);
  const over = ended || run.isError;
  useEffect(() => {
    if (over) onEnded?.();
  }, [over, onEnded]);
  const answer = run.data?.status === "completed" ? String(run.data.outputs?.["answer"] ?? "") : "";
  return (
    <div className="grid gap-2" data-testid="chat-turn">
      <div className="ml-auto max-w-[85%] whitespace-pre-wrap [overflow-wrap:anywhere] rounded-2xl bg-primary px-3.5 py-2 text-sm text-primary-foreground">{turn.query}</div>
      <div data-role="assistant" className="max-w-[85%] whitespace-pre-wrap [overflow-wrap:anywhere] rounded-2xl bg-muted px-3.5 py-2 text-sm">
        {!ended && !run.isError ? <span className="inline-block animate-pulse text-muted-foreground">Running…</span> : answer || <span className="italic text-muted-foreground">No answer</span>}
      </div>
      {run.isError && <p role="alert" className="text-sm text-destructive">{run.error.message}</p>}
      {run.data && (
        <div className="grid gap-2">
          <Button type="button" variant="link" size="sm" className="justify-self-start text-xs" aria-expanded={open} onClick={() => setOpen((v) => !v)}>
            {open ? "Hide the trace" : "Show the trace"}
          </Button>
          {open && <RunTrace run={run.data} showResult={false} onSelectNode={onSelectNode} onRerunFrom={(nodeId) => onRerunFrom(run.data!, nodeId)} />}
        </div>
      )}
    </div>
  );
}

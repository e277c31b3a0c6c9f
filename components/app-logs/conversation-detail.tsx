"use client";
// One conversation as it happened: its inputs, each message with its tool steps, and what each answer cost.
import { useQuery } from "@tanstack/react-query";
import { ToolStepView } from "@/components/app-editor/tool-step";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { FollowScroll } from "@/components/ui/follow-scroll";
import { Skeleton } from "@/components/ui/skeleton";
import { RunTrace } from "@/components/workflow-preview/run-trace";
import { runEnded } from "@/components/workflow-preview/types";
import { ConversationInputs } from "./conversation-inputs";
import { formatDuration } from "./conversation-list-item";

const statusVariant = { completed: "success", failed: "destructive", stopped: "warning", interrupted: "warning", running: "info" } as const;
const endedStatuses = new Set(["stopped", "interrupted"]);

/** `workflow`: a workflow or chatflow app, whose answers each show their run's per-node trace. */
export function ConversationDetail({ appId, id, workflow = false }: { appId: string; id: string; workflow?: boolean }) {
  const trpc = useTRPC();
  const runs = useQuery(
    trpc.workflows.listRuns.queryOptions(
      { conversationId: id },
      { enabled: workflow, refetchInterval: (query) => (query.state.data?.some((run) => !runEnded(run.status)) ? 2_000 : false) },
    ),
  );
  const runByMessage = new Map((runs.data ?? []).map((run) => [run.messageId, run]));
  const conversation = useQuery(
    trpc.conversations.get.queryOptions(
      { appId, id },
      // A conversation still being answered keeps coming in while it is open.
      { refetchInterval: (query) => (query.state.data?.messages.some((m) => m.status === "running") ? 2_000 : false) },
    ),
  );
  if (conversation.isPending || (workflow && runs.isPending)) return <Skeleton className="h-64" />;
  if (conversation.isError) return <p className="text-sm text-destructive">{conversation.error.message}</p>;
  const data = conversation.data;
  const tokens = data.messages.reduce((sum, m) => sum + (m.usage ? m.usage.inputTokens + m.usage.outputTokens : 0), 0);
  const durationMs = data.messages.reduce(
    (sum, m) => sum + (m.finishedAt ? new Date(m.finishedAt).getTime() - new Date(m.createdAt).getTime() : 0),
    0,
  );
  return (
    <div className="grid gap-3 rounded-xl border p-4">
      <p className="text-xs tabular-nums text-muted-foreground">
        {data.messages.length} {data.messages.length === 1 ? "message" : "messages"} · {tokens.toLocaleString()} tokens · {formatDuration(durationMs)}
      </p>
      <ConversationInputs inputs={data.inputs} fields={data.inputFields} />
      <FollowScroll key={id} className="max-h-[70dvh]" innerClassName="pr-1" followKey={id} role="log" aria-label="Conversation messages">
        <div className="grid gap-4">
          {data.messages.map((message) => (
            <div key={message.id} className="grid gap-2">
              {message.toolCalls.map((call) => (
                <ToolStepView
                  key={call.id}
                  step={{
                    callId: call.callId,
                    name: call.name,
                    arguments: call.arguments,
                    result: call.result,
                    error: call.error ?? undefined,
                    isError: call.isError,
                    durationMs: call.durationMs ?? undefined,
                    done: call.status !== "running",
                    ended: endedStatuses.has(call.status) ? (call.status as "stopped" | "interrupted") : undefined,
                    approval: call.approval
                      ? {
                          decision: call.approval.decision,
                          via: call.approval.via,
                          by: call.approval.userId ? (data.deciders[call.approval.userId] ?? null) : null,
                          at: call.approval.at,
                          edited: call.approval.editedArguments !== undefined,
                        }
                      : undefined,
                  }}
                />
              ))}
              <div className={cn("max-w-[85%] whitespace-pre-wrap [overflow-wrap:anywhere] rounded-2xl px-3.5 py-2 text-sm", message.role === "user" ? "ml-auto bg-primary text-primary-foreground" : "bg-muted")}>
                {message.content || <span className="italic text-muted-foreground">No text</span>}
              </div>
              {runByMessage.has(message.id) && (
                <details className="group rounded-lg border p-2" data-testid="log-run">
                  <summary className="cursor-pointer text-xs font-medium text-muted-foreground">Node runs</summary>
                  <div className="pt-2">
                    <RunTrace run={runByMessage.get(message.id)!} showResult={false} />
                  </div>
                </details>
              )}
              {message.role === "assistant" && (
                <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
                  <Badge variant={statusVariant[message.status]}>{message.status}</Badge>
                  {message.model && <span>{message.model}</span>}
                  {message.usage && <span>{message.usage.inputTokens} in / {message.usage.outputTokens} out tokens</span>}
                  {message.error && <span className={cn(message.status === "failed" && "text-destructive")}>{message.error}</span>}
                </div>
              )}
            </div>
          ))}
        </div>
      </FollowScroll>
    </div>
  );
}

"use client";
import { useQuery } from "@tanstack/react-query";
import { ToolStepView } from "@/components/app-editor/tool-step";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";

const statusVariant = { completed: "success", failed: "destructive", stopped: "warning", interrupted: "warning", running: "info" } as const;

export function ConversationDetail({ appId, id }: { appId: string; id: string }) {
  const trpc = useTRPC();
  const conversation = useQuery(trpc.conversations.get.queryOptions({ appId, id }));
  if (conversation.isPending) return <Skeleton className="h-64" />;
  if (conversation.isError) return <p className="text-sm text-destructive">{conversation.error.message}</p>;
  const data = conversation.data;
  return (
    <div className="grid gap-4 rounded-xl border p-4">
      {Object.keys(data.inputs).length > 0 && (
        <pre className="overflow-auto rounded-lg bg-muted p-3 font-mono text-xs">{JSON.stringify(data.inputs, null, 2)}</pre>
      )}
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
              }}
            />
          ))}
          <div className={cn("max-w-[85%] whitespace-pre-wrap [overflow-wrap:anywhere] rounded-2xl px-3.5 py-2 text-sm", message.role === "user" ? "ml-auto bg-primary text-primary-foreground" : "bg-muted")}>
            {message.content || <span className="italic text-muted-foreground">No text</span>}
          </div>
          {message.role === "assistant" && (
            <div className="flex flex-wrap items-center gap-2 text-xs text-muted-foreground">
              <Badge variant={statusVariant[message.status]}>{message.status}</Badge>
              {message.model && <span>{message.model}</span>}
              {message.usage && <span>{message.usage.inputTokens} in / {message.usage.outputTokens} out tokens</span>}
              {message.error && <span className="text-destructive">{message.error}</span>}
            </div>
          )}
        </div>
      ))}
    </div>
  );
}

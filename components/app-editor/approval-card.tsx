"use client";
// In Debug & Preview, under a tool call that asks first: what the tool would run with, editable as JSON, and
// Approve / Deny. The run waits on the server until one is pressed (server/apps/preview-approval.ts).
import { useMutation } from "@tanstack/react-query";
import { Check, ShieldQuestion, X } from "lucide-react";
import { useId, useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";
import { parseArguments } from "./approval-text";
import type { ToolStep } from "./use-preview-chat";

function pretty(value: unknown) {
  return JSON.stringify(value ?? {}, null, 2);
}

export function ApprovalCard({ appId, step, onDecided }: { appId: string; step: ToolStep; onDecided: (callId: string) => void }) {
  const trpc = useTRPC();
  const original = pretty(step.arguments);
  const [text, setText] = useState(original);
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const decide = useMutation(
    trpc.apps.decideToolCall.mutationOptions({
      onSuccess: () => onDecided(step.callId),
      onError: (error) => setProblem(error.message),
    }),
  );

  function submit(decision: "approved" | "denied") {
    setProblem(null);
    const base = { appId, messageId: step.asking!.messageId, callId: step.callId, decision };
    if (decision === "denied" || text.trim() === original.trim()) return decide.mutate(base);
    const parsed = parseArguments(text);
    if ("error" in parsed) return setProblem(parsed.error);
    decide.mutate({ ...base, arguments: parsed.value });
  }

  const edited = text.trim() !== original.trim();
  return (
    <section
      aria-label={`Approve ${step.title ?? step.name}?`}
      className="grid gap-2 rounded-lg border border-warning/40 bg-warning/5 px-3 py-2.5 text-sm"
      data-testid="approval-card"
    >
      <p className="flex items-start gap-2">
        <ShieldQuestion aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
        <span className="min-w-0 [overflow-wrap:anywhere]">
          <strong>{step.title ?? step.name}</strong> asks before it runs
          {step.title && <span className="ml-1 font-mono text-xs text-muted-foreground">({step.name})</span>}. Check what it would do.
        </span>
      </p>
      <label htmlFor={`${id}-args`} className="text-xs font-medium text-muted-foreground">
        Arguments (JSON, you may edit them)
      </label>
      <Textarea
        id={`${id}-args`}
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={Math.min(10, Math.max(3, text.split("\n").length))}
        spellCheck={false}
        className="font-mono text-xs"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${id}-problem` : undefined}
        disabled={decide.isPending}
      />
      {problem && (
        <p id={`${id}-problem`} role="alert" className="text-xs text-destructive">
          {problem}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <Button size="sm" onClick={() => submit("approved")} loading={decide.isPending && decide.variables?.decision === "approved"} disabled={decide.isPending}>
          {!(decide.isPending && decide.variables?.decision === "approved") && <Check aria-hidden />} {edited ? "Approve with edits" : "Approve"}
        </Button>
        <Button size="sm" variant="outline" onClick={() => submit("denied")} loading={decide.isPending && decide.variables?.decision === "denied"} disabled={decide.isPending}>
          {!(decide.isPending && decide.variables?.decision === "denied") && <X aria-hidden />} Deny
        </Button>
        {edited && (
          <Button size="sm" variant="ghost" onClick={() => setText(original)} disabled={decide.isPending}>
            Undo edits
          </Button>
        )}
      </div>
    </section>
  );
}

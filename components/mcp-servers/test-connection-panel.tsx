"use client";
import { Check, CircleDashed, KeyRound, PlugZap, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { TestOutcomeView } from "./mcp-server-types";

const stepLabels = { address: "Address check", transport: "Transport", initialize: "Initialize", tools: "Tools listed" } as const;
const stepOrder = ["address", "transport", "initialize", "tools"] as const;

/** "Test connection" and its outcome: each step with a check or cross, its time and what it found. */
export function TestConnectionPanel({
  onTest,
  pending,
  outcome,
  disabled,
}: {
  onTest: () => void;
  pending: boolean;
  outcome: TestOutcomeView | undefined;
  disabled?: boolean;
}) {
  const reached = new Map(outcome?.steps.map((s) => [s.step, s]));
  return (
    <section aria-label="Connection test" className="grid gap-3 rounded-lg border bg-muted/40 p-3">
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <Button variant="outline" size="sm" onClick={onTest} loading={pending} disabled={disabled}>
          {!pending && <PlugZap aria-hidden />} Test connection
        </Button>
        <p role="status" className="text-[13px] text-muted-foreground">
          {pending
            ? "Connecting…"
            : !outcome
              ? "Checks the form's settings without saving them."
              : outcome.ok
                ? <span className="font-medium text-success">Connected: {outcome.tools.length} {outcome.tools.length === 1 ? "tool" : "tools"} found.</span>
                : outcome.needsAuthorization
                  ? <span className="font-medium text-foreground">This server uses OAuth: add it, then authorize it in a popup.</span>
                  : <span className="font-medium text-destructive dark:text-[oklch(0.75_0.16_25)]">The connection failed.</span>}
        </p>
      </div>
      {outcome && !pending && (
        <ol className="grid gap-1.5" aria-label="Connection steps">
          {stepOrder.map((key) => {
            const step = reached.get(key);
            // A server asking for OAuth did what it should: the step is neutral, not a red failure.
            const oauth = Boolean(step && !step.ok && outcome.needsAuthorization);
            const Icon = !step ? CircleDashed : step.ok ? Check : oauth ? KeyRound : X;
            return (
              <li key={key} className="grid grid-cols-[1.25rem_1fr_auto] items-start gap-x-2 text-sm">
                <span
                  className={cn(
                    "mt-0.5 flex size-4 items-center justify-center rounded-full",
                    !step ? "text-muted-foreground" : step.ok ? "bg-success/15 text-success" : oauth ? "bg-info/15 text-info" : "bg-destructive/15 text-destructive",
                  )}
                >
                  <Icon aria-hidden className="size-3" strokeWidth={3} />
                </span>
                <span className={cn("font-medium", !step && "text-muted-foreground")}>
                  {stepLabels[key]}
                  <span className="sr-only">: {!step ? "not reached" : step.ok ? "passed" : oauth ? "asks for OAuth authorization" : "failed"}</span>
                </span>
                <span className="text-xs tabular-nums text-muted-foreground">{step ? `${step.ms} ms` : "—"}</span>
                {step?.detail && (
                  <span className={cn("col-start-2 col-end-4 break-words text-[13px] leading-5", step.ok || oauth ? "text-muted-foreground" : "text-destructive dark:text-[oklch(0.75_0.16_25)]")}>
                    {oauth ? "The server asks for OAuth sign-in before it lists its tools." : step.detail}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      )}
      {outcome?.ok && outcome.tools.length > 0 && !pending && (
        <p className="text-[13px] leading-5 text-muted-foreground">
          <span className="font-medium text-foreground">Tools: </span>
          <span className="font-mono text-xs">{outcome.tools.map((t) => t.name).join(", ")}</span>
        </p>
      )}
    </section>
  );
}

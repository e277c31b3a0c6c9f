"use client";
import { ChevronRight, KeyRound, LoaderCircle, ShieldCheck, ShieldX, Wrench } from "lucide-react";
import Link from "next/link";
import type { ReactNode } from "react";
import { McpAppView } from "@/components/tool-results/mcp-app-view";
import { ToolResultView } from "@/components/tool-results/tool-result-view";
import { Badge } from "@/components/ui/badge";
import type { RuntimeToolResult } from "@/server/agent/runtime-tool";
import { approvalText } from "./approval-text";
import type { ToolStep } from "./use-preview-chat";

function pretty(value: unknown) {
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 2);
}

/** One tool call, collapsed to its name and outcome; open it for arguments and result. `card` asks for approval. */
export function ToolStepView({ step, card }: { step: ToolStep; card?: ReactNode }) {
  const failed = !step.ended && (step.isError || step.error);
  // The server's OAuth grant is missing or was revoked: offer the way back instead of only the error.
  const app = (step.result as RuntimeToolResult | undefined)?.app;
  // A per-person server you can connect yourself gets the turn's Connect card instead (connect-card.tsx).
  const needsAuthorization = !step.connect && Boolean(step.error && /needs (re-)?authori[sz]ation|authorize it/i.test(step.error));
  const denied = step.approval?.decision === "denied";
  return (
    <div className="grid gap-1.5">
      <details className="group rounded-lg border bg-muted/40 text-sm" data-testid="tool-step" aria-label={`Tool call ${step.name}`}>
        <summary className="flex cursor-pointer list-none items-center gap-2 px-3 py-2">
          <ChevronRight aria-hidden className="size-3.5 transition-transform group-open:rotate-90" />
          <Wrench aria-hidden className="size-3.5 text-muted-foreground" />
          <span className="min-w-0 truncate font-mono text-xs">{step.name}</span>
          <span className="ml-auto flex items-center gap-2">
            {step.asking ? (
              <Badge variant="warning">Waiting for you</Badge>
            ) : !step.done ? (
              <LoaderCircle aria-label="Running" className="size-3.5 animate-spin" />
            ) : denied ? (
              <Badge variant="warning">Denied</Badge>
            ) : step.ended ? (
              <Badge variant="warning">{step.ended === "stopped" ? "Stopped" : "Interrupted"}</Badge>
            ) : failed ? (
              <Badge variant="destructive">Error</Badge>
            ) : (
              <Badge variant="success">Done</Badge>
            )}
            {step.durationMs !== undefined && <span className="text-xs text-muted-foreground">{step.durationMs} ms</span>}
          </span>
        </summary>
        <div className="grid gap-2 border-t px-3 py-2">
          <div>
            <p className="mb-1 text-xs font-medium text-muted-foreground">Arguments</p>
            <pre className="max-h-48 overflow-auto rounded bg-background p-2 font-mono text-xs">{pretty(step.arguments)}</pre>
          </div>
          {step.done && step.ended && !step.error && (
            <p className="text-xs text-muted-foreground">The run stopped before this tool answered.</p>
          )}
          {step.done && (!step.ended || step.error) && (
            <div>
              <p className="mb-1 text-xs font-medium text-muted-foreground">{failed ? "Error" : step.ended ? "Note" : "Result"}</p>
              {step.error ? (
                <pre className="max-h-64 overflow-auto whitespace-pre-wrap rounded bg-background p-2 font-mono text-xs">{step.error}</pre>
              ) : (
                <ToolResultView result={step.result} />
              )}
            </div>
          )}
          {step.done && !step.ended && !step.error && app && <McpAppView app={app} toolArguments={step.arguments} result={step.result as RuntimeToolResult} />}
          {needsAuthorization && (
            <Link href="/tools" className="inline-flex w-fit items-center gap-1.5 text-xs font-medium text-primary underline underline-offset-4">
              <KeyRound aria-hidden className="size-3.5" /> Reconnect under Tools
            </Link>
          )}
        </div>
      </details>
      {card}
      {step.approval && (
        <p className="flex items-center gap-1.5 px-1 text-xs text-muted-foreground" data-testid="approval-line">
          {step.approval.decision === "approved" ? <ShieldCheck aria-hidden className="size-3.5 shrink-0" /> : <ShieldX aria-hidden className="size-3.5 shrink-0" />}
          {approvalText(step.approval)}
        </p>
      )}
    </div>
  );
}

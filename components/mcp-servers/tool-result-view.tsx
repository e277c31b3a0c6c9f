"use client";
import { ChevronRight, CircleAlert, CircleCheck } from "lucide-react";
import { ToolResultView as ResultParts } from "@/components/tool-results/tool-result-view";
import { cn } from "@/components/ui/cn";
import type { CallToolView } from "./mcp-server-types";

const pre = "max-h-64 overflow-auto whitespace-pre-wrap break-words rounded-md border bg-background p-2.5 font-mono text-xs leading-5";

/**
 * The outcome of a "Try it" call: whether it failed, how long it took, its content shown as Debug & Preview shows a
 * tool's result (the shared renderer, with its rules for what is safe to display), and the raw JSON on request.
 */
export function ToolResultView({ outcome }: { outcome: CallToolView }) {
  const { result, durationMs } = outcome;
  const failed = result.isError === true;
  return (
    <section
      aria-label="Tool result"
      className={cn("grid gap-2.5 rounded-lg border p-3", failed ? "border-destructive/30 bg-destructive/5" : "bg-muted/40")}
    >
      <div className="flex items-center gap-2 text-sm font-medium">
        {failed ? (
          <CircleAlert aria-hidden className="size-4 text-destructive" />
        ) : (
          <CircleCheck aria-hidden className="size-4 text-success" />
        )}
        <span className={cn(failed && "text-destructive dark:text-[oklch(0.75_0.16_25)]")}>
          {failed ? "The tool returned an error" : "Result"}
        </span>
        <span className="ml-auto text-xs font-normal tabular-nums text-muted-foreground">{durationMs} ms</span>
      </div>
      <ResultParts result={result} />
      <details className="group text-xs">
        <summary className="flex w-fit cursor-pointer list-none items-center gap-1 rounded text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring [&::-webkit-details-marker]:hidden">
          <ChevronRight aria-hidden className="size-3.5 transition-transform group-open:rotate-90" /> Raw JSON
        </summary>
        <pre className={cn(pre, "mt-1.5")}>{JSON.stringify(result, null, 2)}</pre>
      </details>
    </section>
  );
}

"use client";
import { ChevronRight, CircleAlert, CircleCheck, FileText, Link2 } from "lucide-react";
import { cn } from "@/components/ui/cn";
import type { CallToolView } from "./mcp-server-types";

type Block = CallToolView["result"]["content"][number];

const pre = "max-h-64 overflow-auto whitespace-pre-wrap break-words rounded-md border bg-background p-2.5 font-mono text-xs leading-5";

/** The raw outcome of a tool call: each content block as what it is, structured content, and isError. */
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
      {result.content.length === 0 && result.structuredContent === undefined && (
        <p className="text-[13px] text-muted-foreground">The tool returned no content.</p>
      )}
      {result.content.map((block, i) => (
        <ContentBlock key={i} block={block} />
      ))}
      {result.structuredContent !== undefined && (
        <div className="grid gap-1">
          <p className="text-xs font-medium text-muted-foreground">Structured content</p>
          <pre className={pre}>{JSON.stringify(result.structuredContent, null, 2)}</pre>
        </div>
      )}
      <details className="group text-xs">
        <summary className="flex w-fit cursor-pointer list-none items-center gap-1 rounded text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring [&::-webkit-details-marker]:hidden">
          <ChevronRight aria-hidden className="size-3.5 transition-transform group-open:rotate-90" /> Raw JSON
        </summary>
        <pre className={cn(pre, "mt-1.5")}>{JSON.stringify(result, null, 2)}</pre>
      </details>
    </section>
  );
}

function ContentBlock({ block }: { block: Block }) {
  switch (block.type) {
    case "text":
      return <pre className={pre}>{block.text}</pre>;
    case "image":
      return (
        // eslint-disable-next-line @next/next/no-img-element -- a data URL from the tool, not an optimisable asset
        <img src={`data:${block.mimeType};base64,${block.data}`} alt="Image returned by the tool" className="max-h-64 w-auto max-w-full rounded-md border bg-background object-contain" />
      );
    case "audio":
      return <audio controls src={`data:${block.mimeType};base64,${block.data}`} aria-label="Audio returned by the tool" className="w-full" />;
    case "resource":
      return (
        <div className="grid gap-1 rounded-md border bg-background p-2.5">
          <p className="flex items-center gap-1.5 text-xs">
            <FileText aria-hidden className="size-3.5 text-muted-foreground" />
            <span className="break-all font-mono">{block.resource.uri}</span>
            {block.resource.mimeType && <span className="text-muted-foreground">· {block.resource.mimeType}</span>}
          </p>
          {"text" in block.resource ? (
            <pre className={cn(pre, "border-0 p-0")}>{block.resource.text}</pre>
          ) : (
            <p className="text-xs text-muted-foreground">Binary content, about {Math.round(block.resource.blob.length * 0.75)} bytes.</p>
          )}
        </div>
      );
    case "resource_link":
      return (
        <p className="flex items-center gap-1.5 rounded-md border bg-background p-2.5 text-xs">
          <Link2 aria-hidden className="size-3.5 text-muted-foreground" />
          <span className="font-medium">{block.name}</span>
          <span className="break-all font-mono text-muted-foreground">{block.uri}</span>
        </p>
      );
    default:
      return <pre className={pre}>{JSON.stringify(block, null, 2)}</pre>;
  }
}

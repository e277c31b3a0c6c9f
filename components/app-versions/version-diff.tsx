"use client";
// One version compared with the draft: the prompt as a line diff, then the model, inputs and tools in words.
import type { AppConfig } from "@/server/apps/app-config";
import { cn } from "@/components/ui/cn";
import { diffConfigs } from "./config-diff";

const marks = { same: " ", added: "+", removed: "−" } as const;

export function VersionDiff({ version, from, to, serverName }: { version: number; from: AppConfig; to: AppConfig; serverName(id: string): string }) {
  const diff = diffConfigs(from, to, serverName);
  const label = `Changes from version ${version} to the draft`;
  if (!diff.instructions && diff.changes.length === 0) {
    return (
      <p role="region" aria-label={label} className="rounded-lg border border-dashed p-4 text-sm text-muted-foreground">
        The draft is the same as version {version}.
      </p>
    );
  }
  return (
    <section aria-label={label} className="grid min-w-0 gap-3">
      <p className="text-sm text-muted-foreground">
        From version {version} to the current draft (<span className="text-destructive">− only in v{version}</span>,{" "}
        <span className="text-success">+ only in the draft</span>):
      </p>
      {diff.instructions && (
        <div className="grid gap-1">
          <h4 className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Instructions</h4>
          <pre aria-label="Instructions diff" className="overflow-x-auto rounded-lg border bg-muted/40 py-2 font-mono text-xs leading-relaxed">
            {diff.instructions.map((line, i) => (
              <div
                key={i}
                className={cn(
                  "whitespace-pre-wrap break-words px-3",
                  line.kind === "added" && "bg-success/10 text-success",
                  line.kind === "removed" && "bg-destructive/10 text-destructive line-through decoration-destructive/40",
                )}
              >
                <span aria-hidden className="mr-2 select-none">
                  {marks[line.kind]}
                </span>
                {line.kind !== "same" && <span className="sr-only">{line.kind === "added" ? "Added: " : "Removed: "}</span>}
                {line.text || " "}
              </div>
            ))}
          </pre>
        </div>
      )}
      {diff.changes.length > 0 && (
        <dl className="grid gap-1 text-sm sm:grid-cols-[max-content_1fr] sm:gap-x-4">
          {diff.changes.map((change, i) => (
            <div key={i} className="contents">
              <dt className="font-medium text-muted-foreground">{change.section}</dt>
              <dd className="mb-1 min-w-0 break-words sm:mb-0">{change.text}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

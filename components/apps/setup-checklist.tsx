"use client";
// The first-run checklist. With no apps yet it is the Apps page's empty state; once apps exist it shrinks into a
// progress card naming the next step, which the person may hide for this workspace (this browser) until it is done.
import { useQuery } from "@tanstack/react-query";
import { ArrowRight, Check, X } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";

const dismissedKey = (workspaceId: string) => `switchyard:setup-dismissed:${workspaceId}`;

function useSetupChecklist() {
  const trpc = useTRPC();
  // Steps are done on other pages; always read afresh when the Apps page shows.
  return useQuery(trpc.workspaces.checklist.queryOptions(undefined, { refetchOnMount: "always" }));
}

type Steps = NonNullable<ReturnType<typeof useSetupChecklist>["data"]>["steps"];

function StepList({ steps }: { steps: Steps }) {
  return (
    <ol aria-label="Setup steps" className="grid gap-2">
      {steps.map((step, index) => (
        <li
          key={step.id}
          className={cn("relative flex items-start gap-3 rounded-lg border p-3 transition-colors sm:p-4", step.done ? "bg-muted/40" : "bg-card hover:bg-accent/60")}
        >
          <span
            aria-hidden
            className={cn(
              "mt-0.5 flex size-6 shrink-0 items-center justify-center rounded-full border text-xs font-semibold",
              step.done ? "border-success/30 bg-success/15 text-success" : "text-muted-foreground",
            )}
          >
            {step.done ? <Check className="size-3.5" /> : index + 1}
          </span>
          <div className="min-w-0 flex-1">
            <Link href={step.href} className={cn("font-medium after:absolute after:inset-0", step.done && "text-muted-foreground")}>
              {step.title}
            </Link>
            <p className="text-sm text-muted-foreground">{step.description}</p>
          </div>
          {step.done ? (
            <Badge variant="success">Done</Badge>
          ) : (
            <ArrowRight aria-hidden className="mt-1 size-4 shrink-0 text-muted-foreground" />
          )}
        </li>
      ))}
    </ol>
  );
}

/** The whole checklist, for a workspace with no apps yet. `actions` are the ways to create the first app. */
export function SetupChecklist({ actions }: { actions?: React.ReactNode }) {
  const checklist = useSetupChecklist();
  if (checklist.isPending) return <Skeleton className="h-80" aria-busy />;
  if (checklist.isError) return <p className="text-sm text-destructive">{checklist.error.message}</p>;
  const { steps, doneCount } = checklist.data;
  return (
    <section aria-labelledby="setup-title" className="rounded-xl border bg-card p-4 shadow-xs sm:p-6">
      <div className="mb-4 flex flex-wrap items-end justify-between gap-2">
        <div>
          <h2 id="setup-title" className="text-base font-semibold tracking-tight">Get started</h2>
          <p className="text-sm text-muted-foreground">No apps yet: four steps to an app that Claude, Cursor or any MCP client can use.</p>
        </div>
        <p className="text-sm font-medium text-muted-foreground">{doneCount} of {steps.length} done</p>
      </div>
      <StepList steps={steps} />
      {actions && <div className="mt-4 flex flex-wrap gap-2">{actions}</div>}
    </section>
  );
}

/** The shrunk checklist above the app list, until every step is done or the person hides it. */
export function SetupProgressCard({ workspaceId }: { workspaceId: string }) {
  const checklist = useSetupChecklist();
  const [dismissed, setDismissed] = useState(true);
  const [expanded, setExpanded] = useState(false);
  useEffect(() => setDismissed(localStorage.getItem(dismissedKey(workspaceId)) === "1"), [workspaceId]);
  if (!checklist.data || checklist.data.complete || dismissed) return null;
  const { steps, doneCount } = checklist.data;
  const next = steps.find((step) => !step.done)!;
  return (
    <section aria-label="Setup progress" className="rounded-xl border bg-card p-3 shadow-xs sm:p-4">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        <div className="min-w-56 flex-1">
          <p className="text-sm font-medium">Getting started: {doneCount} of {steps.length} done</p>
          <div className="mt-1.5 h-1.5 w-full max-w-60 overflow-hidden rounded-full bg-muted" aria-hidden>
            <div className="h-full rounded-full bg-success" style={{ width: `${(doneCount / steps.length) * 100}%` }} />
          </div>
        </div>
        <Link href={next.href} className="inline-flex items-center gap-1 text-sm font-medium text-primary hover:underline dark:text-info">
          Next: {next.title} <ArrowRight aria-hidden className="size-4" />
        </Link>
        <div className="flex items-center gap-1">
          <Button variant="ghost" size="sm" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? "Hide steps" : "All steps"}
          </Button>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label="Dismiss the setup checklist"
            onClick={() => (localStorage.setItem(dismissedKey(workspaceId), "1"), setDismissed(true))}
          >
            <X aria-hidden />
          </Button>
        </div>
      </div>
      {expanded && <div className="mt-3"><StepList steps={steps} /></div>}
    </section>
  );
}

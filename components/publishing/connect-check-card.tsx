"use client";
// "Will it connect?": runs the checks Claude's and ChatGPT's connectors make against this server and shows each with
// its verdict and, when it failed, what to do.
import { useQuery } from "@tanstack/react-query";
import { CircleCheck, CircleMinus, CircleX, type LucideIcon } from "lucide-react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";

const looks: Record<"pass" | "fail" | "skip", { icon: LucideIcon; label: string; className: string }> = {
  pass: { icon: CircleCheck, label: "Passed", className: "text-success" },
  fail: { icon: CircleX, label: "Failed", className: "text-destructive" },
  skip: { icon: CircleMinus, label: "Not needed", className: "text-muted-foreground" },
};

/** `appId` null: the workspace server's page. */
export function ConnectCheckCard({ appId }: { appId: string | null }) {
  const trpc = useTRPC();
  const options = appId === null ? trpc.workspaceServer.checkConnect.queryOptions() : trpc.publishedServers.checkConnect.queryOptions({ appId });
  // Run on demand only: it resolves APP_URL in DNS and builds both metadata documents.
  const check = useQuery({ ...options, enabled: false, retry: false, gcTime: 0 });
  const failed = check.data?.filter((c) => c.status === "fail").length ?? 0;

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <CardTitle as="h2">Will it connect?</CardTitle>
          <CardDescription>Checks what Claude and ChatGPT need before they can use this server, and how to fix what is missing.</CardDescription>
        </div>
        <Button variant="outline" loading={check.isFetching} onClick={() => check.refetch()}>
          {check.data ? "Run again" : "Run check"}
        </Button>
      </CardHeader>
      {(check.isFetching || check.data || check.isError) && (
        <CardContent>
          {check.isFetching && !check.data ? (
            <div className="grid gap-3" aria-label="Checking">
              <Skeleton className="h-12" />
              <Skeleton className="h-12" />
              <Skeleton className="h-12" />
            </div>
          ) : check.isError ? (
            <p role="alert" className="text-sm text-destructive">
              {check.error.message}
            </p>
          ) : check.data ? (
            <>
              <p role="status" className="mb-3 text-sm font-medium">
                {failed === 0 ? "Every check passed." : `${failed} of ${check.data.length} checks failed.`}
              </p>
              <ul className={cn("grid gap-3", check.isFetching && "opacity-60")} aria-label="Connection checks">
                {check.data.map((item) => {
                  const look = looks[item.status];
                  return (
                    <li key={item.id} aria-label={item.title} className="grid grid-cols-[auto_1fr] gap-x-3 rounded-lg border p-3">
                      <look.icon aria-hidden className={cn("mt-0.5 size-5", look.className)} />
                      <div className="grid min-w-0 gap-1">
                        <p className="text-sm font-medium">
                          {item.title} <span className={cn("text-xs font-normal", look.className)}>{look.label}</span>
                        </p>
                        <p className="break-words text-sm text-muted-foreground">{item.message}</p>
                        {item.fix && (
                          <p className="break-words text-sm">
                            <span className="font-medium">{item.status === "fail" ? "Fix: " : "Note: "}</span>
                            {item.fix}
                          </p>
                        )}
                      </div>
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
        </CardContent>
      )}
    </Card>
  );
}

"use client";
// The MCP calls log: every request clients made to a published server (for sign-in calls, the person and OAuth
// client too), with filters. An app's log (its Logs page) holds every call that ran the app, each marked when it came
// through the workspace server; the workspace server's log (given its apps) adds an App filter and column.
import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { CallerCell, CallerFilters, type CallerFilter } from "./call-log-callers";
import { useServerApi, type ServerRef } from "./server-api";
import type { CallLog } from "./types";

const methods = ["tools/call", "tools/list", "initialize", "ping", "logging/setLevel"];
const outcomes = { ok: "OK", error: "Error", cancelled: "Cancelled", refused: "Refused" } as const;
const outcomeVariants: Record<CallLog["outcome"], BadgeVariant> = { ok: "success", error: "destructive", cancelled: "warning", refused: "warning" };
const ranges = { "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000, all: 0 } as const;
const rangeLabels: Record<keyof typeof ranges, string> = { "1h": "Last hour", "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days", all: "All time" };

type LogApp = { appId: string; name: string };

/** `apps`: the workspace server's log, whose rows may each have run one of these apps (or none, e.g. tools/list). */
export function McpCallLogs({ server, apps }: { server: ServerRef; apps?: LogApp[] }) {
  const api = useServerApi(server);
  const [appFilter, setAppFilter] = useState("");
  const [method, setMethod] = useState("");
  const [outcome, setOutcome] = useState<"" | CallLog["outcome"]>("");
  const [range, setRange] = useState<keyof typeof ranges>("7d");
  const [callers, setCallers] = useState<CallerFilter>({ callerUserId: "", oauthClientId: "" });
  // Fixed per filter choice, so the query key (and its pages) stay stable while the user reads.
  const from = useMemo(() => (ranges[range] ? new Date(Date.now() - ranges[range]) : null), [range]);
  const filters = {
    method: method || null,
    outcome: outcome || null,
    from,
    callerUserId: callers.callerUserId || null,
    oauthClientId: callers.oauthClientId || null,
    ...(apps ? { appId: appFilter || null } : {}),
  };
  const pages = useInfiniteQuery({
    queryKey: api.callsKey(filters),
    queryFn: ({ pageParam }) => api.listCalls(filters, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items = pages.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <section aria-labelledby="mcp-calls-heading" className="mt-10 grid gap-4">
      <div>
        <h2 id="mcp-calls-heading" className="text-lg font-semibold tracking-tight">
          MCP calls
        </h2>
        <p className="text-sm text-muted-foreground">
          {apps ? "Requests MCP clients sent to the workspace MCP server." : "Calls that ran this app, through its own server or the workspace MCP server."}
        </p>
      </div>
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {apps && (
          <Field label="App">
            <NativeSelect value={appFilter} onChange={(e) => setAppFilter(e.target.value)}>
              <option value="">All apps</option>
              {apps.map((app) => (
                <option key={app.appId} value={app.appId}>
                  {app.name}
                </option>
              ))}
            </NativeSelect>
          </Field>
        )}
        <Field label="Method">
          <NativeSelect value={method} onChange={(e) => setMethod(e.target.value)}>
            <option value="">All methods</option>
            {methods.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label="Outcome">
          <NativeSelect value={outcome} onChange={(e) => setOutcome(e.target.value as typeof outcome)}>
            <option value="">All outcomes</option>
            {Object.entries(outcomes).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <Field label="Time">
          <NativeSelect value={range} onChange={(e) => setRange(e.target.value as keyof typeof ranges)}>
            {Object.entries(rangeLabels).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </NativeSelect>
        </Field>
        <CallerFilters server={server} value={callers} onChange={setCallers} />
      </div>
      {pages.isPending ? (
        <Skeleton className="h-32" />
      ) : pages.isError ? (
        <p className="text-sm text-destructive">{pages.error.message}</p>
      ) : items.length === 0 ? (
        <p className="rounded-xl border border-dashed p-8 text-center text-sm text-muted-foreground">No MCP calls match these filters.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border">
          <table className="w-full text-left text-sm" aria-label="MCP calls">
            <thead className="border-b bg-muted/40 text-xs text-muted-foreground">
              <tr>
                <th className="px-4 py-2 font-medium">Time</th>
                {apps && <th className="px-4 py-2 font-medium">App</th>}
                <th className="px-4 py-2 font-medium">Method</th>
                <th className="px-4 py-2 font-medium">Arguments</th>
                <th className="px-4 py-2 font-medium">Duration</th>
                <th className="px-4 py-2 font-medium">Outcome</th>
                <th className="px-4 py-2 font-medium">Client</th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {items.map((log) => (
                <CallRow key={log.id} log={log} apps={apps} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages.hasNextPage && (
        <Button variant="outline" onClick={() => pages.fetchNextPage()} loading={pages.isFetchingNextPage} className="justify-self-start">
          Load more
        </Button>
      )}
    </section>
  );
}

function CallRow({ log, apps }: { log: CallLog; apps?: LogApp[] }) {
  const args = log.toolArguments === null || log.toolArguments === undefined ? "" : JSON.stringify(log.toolArguments);
  return (
    <tr className="align-top">
      <td className="whitespace-nowrap px-4 py-2 text-muted-foreground">
        {new Date(log.createdAt).toLocaleString()}
        {!apps && log.workspaceServer && (
          <div className="mt-1">
            <Badge variant="info">via workspace server</Badge>
          </div>
        )}
      </td>
      {apps && <td className="px-4 py-2">{log.appId ? (apps.find((app) => app.appId === log.appId)?.name ?? "A removed app") : <span className="text-muted-foreground">-</span>}</td>}
      <td className="whitespace-nowrap px-4 py-2 font-mono text-xs">{log.method || <span className="font-sans text-muted-foreground">Not read</span>}</td>
      <td className="max-w-xs px-4 py-2">
        {args ? (
          <code className="line-clamp-2 break-all font-mono text-xs" title={args}>
            {args}
          </code>
        ) : (
          <span className="text-muted-foreground">-</span>
        )}
      </td>
      <td className="whitespace-nowrap px-4 py-2 tabular-nums">{log.durationMs} ms</td>
      <td className="px-4 py-2">
        <Badge variant={outcomeVariants[log.outcome]}>{outcomes[log.outcome]}</Badge>
        {log.error && <p className="mt-1 max-w-xs text-xs text-muted-foreground">{log.error}</p>}
      </td>
      <CallerCell log={log} />
    </tr>
  );
}

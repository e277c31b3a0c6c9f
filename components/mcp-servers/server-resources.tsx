"use client";
// The server's resources and prompts on its sheet. Listing connects to the server, so it waits for the person to
// ask; a text resource opens in place, a binary one is named by size; prompts show their arguments.
import { useQuery } from "@tanstack/react-query";
import { ChevronRight, FileText, LoaderCircle, MessageSquareText } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";

const pre = "max-h-64 overflow-auto whitespace-pre-wrap [overflow-wrap:anywhere] rounded bg-muted/60 p-2 font-mono text-xs";

function Problem({ message }: { message: string }) {
  return <p role="alert" className="text-sm text-destructive dark:text-[oklch(0.75_0.16_25)]">{message}</p>;
}

function Loading({ what }: { what: string }) {
  return (
    <p className="flex items-center gap-1.5 text-sm text-muted-foreground">
      <LoaderCircle aria-hidden className="size-3.5 animate-spin" /> Loading {what}…
    </p>
  );
}

function ResourceContents({ serverId, uri }: { serverId: string; uri: string }) {
  const trpc = useTRPC();
  const read = useQuery(trpc.mcpServers.readResource.queryOptions({ id: serverId, uri }, { retry: false }));
  if (read.isPending) return <Loading what="the resource" />;
  if (read.error) return <Problem message={read.error.message} />;
  if (read.data.contents.length === 0) return <p className="text-sm text-muted-foreground">The server sent no contents.</p>;
  return (
    <div className="grid gap-2">
      {read.data.contents.map((c, i) =>
        "text" in c ? (
          <div key={i} className="grid gap-1">
            <pre className={pre} aria-label={`Contents of ${c.uri}`}>{c.text}</pre>
            {c.truncated && <p className="text-xs text-muted-foreground">Showing the first {c.text.length.toLocaleString()} of {c.chars.toLocaleString()} characters.</p>}
          </div>
        ) : (
          <p key={i} className="text-xs text-muted-foreground">
            Binary contents ({c.mimeType ?? "unknown type"}, {c.blobBytes.toLocaleString()} bytes), not shown.
          </p>
        ),
      )}
    </div>
  );
}

function Resources({ serverId }: { serverId: string }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.mcpServers.resources.queryOptions({ id: serverId }, { retry: false }));
  const [open, setOpen] = useState<string | null>(null);
  if (list.isPending) return <Loading what="resources" />;
  if (list.error) return <Problem message={list.error.message} />;
  if (list.data.resources.length === 0) return <p className="text-sm text-muted-foreground">This server lists no resources.</p>;
  return (
    <ul className="divide-y rounded-lg border" aria-label="Resources">
      {list.data.resources.map((r) => (
        <li key={r.uri} className="grid gap-2 px-3 py-2">
          <button
            type="button"
            aria-expanded={open === r.uri}
            onClick={() => setOpen(open === r.uri ? null : r.uri)}
            className="flex min-w-0 items-center gap-2 text-left text-sm focus-visible:outline-2 focus-visible:outline-ring"
          >
            <ChevronRight aria-hidden className={`size-3.5 shrink-0 transition-transform ${open === r.uri ? "rotate-90" : ""}`} />
            <FileText aria-hidden className="size-3.5 shrink-0 text-muted-foreground" />
            <span className="truncate font-medium">{r.title ?? r.name}</span>
            <span className="min-w-0 truncate font-mono text-xs text-muted-foreground" title={r.uri}>{r.uri}</span>
          </button>
          {open === r.uri && (
            <div className="grid gap-1 pl-6">
              {r.description && <p className="text-xs text-muted-foreground">{r.description}</p>}
              <ResourceContents serverId={serverId} uri={r.uri} />
            </div>
          )}
        </li>
      ))}
      {list.data.truncated && <li className="px-3 py-2 text-xs text-muted-foreground">Only the first {list.data.resources.length} are shown.</li>}
    </ul>
  );
}

function Prompts({ serverId }: { serverId: string }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.mcpServers.prompts.queryOptions({ id: serverId }, { retry: false }));
  if (list.isPending) return <Loading what="prompts" />;
  if (list.error) return <Problem message={list.error.message} />;
  if (list.data.prompts.length === 0) return <p className="text-sm text-muted-foreground">This server lists no prompts.</p>;
  return (
    <ul className="divide-y rounded-lg border" aria-label="Prompts">
      {list.data.prompts.map((p) => (
        <li key={p.name} className="grid gap-1 px-3 py-2 text-sm" aria-label={`Prompt ${p.name}`}>
          <p className="flex items-center gap-2">
            <MessageSquareText aria-hidden className="size-3.5 shrink-0 text-muted-foreground" />
            <span className="font-mono text-xs font-medium">{p.name}</span>
          </p>
          {p.description && <p className="text-xs text-muted-foreground">{p.description}</p>}
          {p.arguments.length > 0 ? (
            <ul className="flex flex-wrap gap-1.5" aria-label={`Arguments of ${p.name}`}>
              {p.arguments.map((a) => (
                <li key={a.name} title={a.description}>
                  <Badge variant={a.required ? "info" : "neutral"} className="font-mono">
                    {a.name}
                    {a.required ? " (required)" : ""}
                  </Badge>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-xs text-muted-foreground">No arguments.</p>
          )}
        </li>
      ))}
    </ul>
  );
}

export function ServerResources({ serverId }: { serverId: string }) {
  const [shown, setShown] = useState(false);
  return (
    <section aria-labelledby="drawer-resources-heading" className="grid gap-3">
      <h3 id="drawer-resources-heading" className="text-sm font-semibold">
        Resources and prompts
      </h3>
      {!shown ? (
        <Button variant="outline" size="sm" className="w-fit" onClick={() => setShown(true)}>
          Show resources and prompts
        </Button>
      ) : (
        <>
          <Resources serverId={serverId} />
          <Prompts serverId={serverId} />
        </>
      )}
    </section>
  );
}

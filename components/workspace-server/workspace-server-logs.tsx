"use client";
// Settings -> MCP server -> Call log: the workspace server's requests, filterable by the app a call ran.
import { useQuery } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { McpCallLogs } from "@/components/publishing/mcp-call-logs";
import { useTRPC } from "@/components/trpc/trpc-provider";

export function WorkspaceServerLogs() {
  const trpc = useTRPC();
  const apps = useQuery(trpc.apps.list.queryOptions());
  const published = (apps.data ?? []).filter((app) => app.publishedVersionId).map((app) => ({ appId: app.id, name: app.name }));
  return (
    <>
      <Link href="/settings/mcp-server" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft aria-hidden className="size-4" /> MCP server
      </Link>
      <McpCallLogs server={{ appId: null }} apps={published} />
    </>
  );
}

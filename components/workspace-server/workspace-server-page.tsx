"use client";
// Settings -> MCP server: the workspace's one MCP server, whose tools are its published apps. Editors see the URL
// and how to connect (it is a credential); owners and admins change it; members get a note instead.
import { useQuery } from "@tanstack/react-query";
import { Blocks, ScrollText, Server } from "lucide-react";
import Link from "next/link";
import { AccessCard } from "@/components/publishing/access-card";
import { ApprovalPolicyCard } from "@/components/publishing/approval-policy-card";
import { ClientConfigCard } from "@/components/publishing/client-config-card";
import { ConnectCheckCard } from "@/components/publishing/connect-check-card";
import { ConnectedClientsCard } from "@/components/publishing/connected-clients-card";
import { ServerKeysCard } from "@/components/publishing/server-keys-card";
import { atLeast } from "@/components/settings/role-label";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { InstructionsCard } from "./instructions-card";
import { WorkspaceAppsCard } from "./workspace-apps-card";
import { WorkspaceServerCard } from "./workspace-server-card";

/** The name clients list the server under. */
const serverName = "switchyard";
const workspaceServer = { appId: null };

export function WorkspaceServerPage() {
  const trpc = useTRPC();
  const current = useQuery(trpc.workspaces.current.queryOptions());
  const canSee = atLeast(current.data?.role, "editor");
  const canChange = atLeast(current.data?.role, "admin");
  const status = useQuery({ ...trpc.workspaceServer.get.queryOptions(), enabled: canSee });

  if (current.isPending) return <Skeleton className="h-48" />;
  if (!canSee) {
    return (
      <EmptyState
        icon={Server}
        title="The MCP server is managed by editors"
        description="Its URL is a credential: ask an editor, admin or owner of this workspace for it, or for a key."
        action={<LogLink />}
      />
    );
  }
  if (status.isError) return <p className="text-sm text-destructive">{status.error.message}</p>;
  if (!status.data) return <Skeleton className="h-48" />;
  const s = status.data;
  if (s.apps.length === 0 && !s.configured) {
    return (
      <EmptyState
        icon={Blocks}
        title="No published apps yet"
        description="The workspace MCP server offers each published app as a tool. Publish an app first, then turn the server on here."
        action={
          <Link href="/apps" className={buttonVariants()}>
            Go to apps
          </Link>
        }
      />
    );
  }
  return (
    <div className="grid max-w-3xl grid-cols-1 gap-6">
      <WorkspaceServerCard status={s} canChange={canChange} />
      <WorkspaceAppsCard status={s} canChange={canChange} />
      {s.configured && <InstructionsCard key={s.instructions} instructions={s.instructions} canChange={canChange} />}
      {s.configured && <AccessCard key={JSON.stringify(s.access)} server={workspaceServer} access={s.access} canChange={canChange} />}
      {s.configured && <ApprovalPolicyCard key={s.approvalPolicy} server={workspaceServer} policy={s.approvalPolicy} canChange={canChange} />}
      {s.url && s.access.mode === "api_key" && <ServerKeysCard server={workspaceServer} url={s.enabled ? s.url : null} name={serverName} canChange={canChange} />}
      {s.configured && s.access.mode === "sign_in" && <ConnectedClientsCard server={workspaceServer} />}
      {s.url && s.enabled && <ClientConfigCard url={s.url} name={serverName} mode={s.access.mode} />}
      {s.enabled && <ConnectCheckCard key={s.access.mode} appId={null} />}
      <div>
        <LogLink />
      </div>
    </div>
  );
}

function LogLink() {
  return (
    <Link href="/settings/mcp-server/logs" className={buttonVariants({ variant: "outline" })}>
      <ScrollText aria-hidden /> Call log
    </Link>
  );
}

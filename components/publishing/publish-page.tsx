"use client";
import { useQuery } from "@tanstack/react-query";
import { Server } from "lucide-react";
import { AppHeader } from "@/components/app-editor/app-header";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { atLeast } from "@/components/settings/role-label";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { AccessCard } from "./access-card";
import { AnnotationsCard } from "./annotations-card";
import { ApprovalPolicyCard } from "./approval-policy-card";
import { ClientConfigCard } from "./client-config-card";
import { ConnectCheckCard } from "./connect-check-card";
import { ConnectedClientsCard } from "./connected-clients-card";
import { McpServerCard } from "./mcp-server-card";
import { ServerKeysCard } from "./server-keys-card";

export function PublishPage({ appId }: { appId: string }) {
  const trpc = useTRPC();
  const app = useQuery(trpc.apps.get.queryOptions({ id: appId }));
  const current = useQuery(trpc.workspaces.current.queryOptions());
  const canEdit = atLeast(current.data?.role, "editor");
  const status = useQuery({ ...trpc.publishedServers.get.queryOptions({ appId }), enabled: canEdit });

  if (app.isError) return <p className="text-sm text-destructive">{app.error.message}</p>;
  return (
    <>
      {app.data ? <AppHeader app={app.data} /> : <Skeleton className="mb-6 h-24" />}
      {current.isPending ? (
        <Skeleton className="h-48" />
      ) : !canEdit ? (
        <EmptyState icon={Server} title="Publishing is managed by editors" description="Ask an editor, admin or owner of this workspace for the server's URL." />
      ) : status.isError ? (
        <p className="text-sm text-destructive">{status.error.message}</p>
      ) : !status.data ? (
        <Skeleton className="h-48" />
      ) : (
        <div className="grid max-w-3xl grid-cols-1 gap-6">
          <McpServerCard appId={appId} status={status.data} />
          {status.data.configured && (
            <AccessCard key={JSON.stringify(status.data.access)} server={{ appId }} access={status.data.access} canChange={atLeast(current.data?.role, "admin")} />
          )}
          {/* Only agents call tools, so only their servers have a policy to choose. */}
          {status.data.configured && status.data.appType === "agent" && (
            <ApprovalPolicyCard key={status.data.approvalPolicy} server={{ appId }} policy={status.data.approvalPolicy} canChange />
          )}
          {status.data.hasPublishedVersion && <AnnotationsCard key={JSON.stringify(status.data.annotations)} appId={appId} annotations={status.data.annotations} />}
          {/* Keys show in API-key mode, also while the server is off (to revoke a leaked one); no configuration is offered then. */}
          {status.data.url && status.data.access.mode === "api_key" && (
            <ServerKeysCard server={{ appId }} url={status.data.enabled ? status.data.url : null} name={status.data.toolName} />
          )}
          {status.data.configured && status.data.access.mode === "sign_in" && <ConnectedClientsCard server={{ appId }} />}
          {status.data.url && status.data.enabled && <ClientConfigCard url={status.data.url} name={status.data.toolName} mode={status.data.access.mode} />}
          {/* Its verdicts depend on the access mode: a new mode starts it afresh. */}
          {status.data.enabled && <ConnectCheckCard key={status.data.access.mode} appId={appId} />}
        </div>
      )}
    </>
  );
}

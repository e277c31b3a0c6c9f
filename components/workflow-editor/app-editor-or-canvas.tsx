"use client";
// Which editor an app opens: the workflow canvas for workflow and chatflow apps, the form editor for the rest.
import { useQuery } from "@tanstack/react-query";
import { AppEditor } from "@/components/app-editor/app-editor";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Skeleton } from "@/components/ui/skeleton";
import { WorkflowEditor } from "./workflow-editor";

export function AppEditorOrCanvas({ appId }: { appId: string }) {
  const trpc = useTRPC();
  // The same query both editors read, so this costs no extra request.
  const app = useQuery(trpc.apps.get.queryOptions({ id: appId }));
  if (app.isError) return <AppEditor appId={appId} />;
  if (!app.data) return <Skeleton className="h-96" />;
  return app.data.type === "workflow" || app.data.type === "chatflow" ? <WorkflowEditor appId={appId} /> : <AppEditor appId={appId} />;
}

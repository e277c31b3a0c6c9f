"use client";
// Which published apps the workspace server offers: "include newly published apps automatically", and a switch per
// app with the tool name it is offered under. A name another app already holds is never silently renamed: the row
// says which name it got instead, and why.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { AppIcon } from "@/components/apps/app-icon";
import { appTypeInfo } from "@/components/apps/app-types";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import type { WorkspaceServerApp, WorkspaceServerStatus } from "./types";

export function WorkspaceAppsCard({ status, canChange }: { status: WorkspaceServerStatus; canChange: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = {
    onSuccess: () => queryClient.invalidateQueries(trpc.workspaceServer.get.queryFilter()),
    onError: (error: { message: string }) => toast.error(error.message),
  };
  const update = useMutation(trpc.workspaceServer.update.mutationOptions(options));
  const setIncluded = useMutation(trpc.workspaceServer.setIncluded.mutationOptions(options));

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Apps as tools</CardTitle>
        <CardDescription>Each published app you include is one tool, running its published version. A change reaches clients at their next request.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        <div className="flex items-start justify-between gap-4 rounded-lg border p-3">
          <div className="grid gap-0.5">
            <Label htmlFor="include-new-apps">Include newly published apps automatically</Label>
            <p className="text-[13px] text-muted-foreground">Apps you have not switched on or off follow this.</p>
          </div>
          <Switch
            id="include-new-apps"
            checked={status.includeNewApps}
            disabled={!canChange || !status.configured || update.isPending}
            onCheckedChange={(on) => update.mutate({ includeNewApps: on })}
          />
        </div>
        {status.apps.length === 0 ? (
          <p className="rounded-lg border border-dashed p-6 text-center text-sm text-muted-foreground">No app is published: publish one and it can be offered here.</p>
        ) : (
          <ul className="grid divide-y rounded-lg border" aria-label="Published apps">
            {status.apps.map((app) => (
              <AppRow key={app.appId} app={app} disabled={!canChange || setIncluded.isPending} onChange={(included) => setIncluded.mutate({ appId: app.appId, included })} />
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}

function AppRow({ app, disabled, onChange }: { app: WorkspaceServerApp; disabled: boolean; onChange(included: boolean): void }) {
  const id = `include-${app.appId}`;
  return (
    <li className="flex items-start gap-3 p-3">
      <AppIcon icon={app.icon} background={app.iconBackground} className="size-9 text-lg" />
      <div className="grid min-w-0 flex-1 gap-0.5">
        <Label htmlFor={id} className="truncate">
          {app.name}
        </Label>
        <p className="text-xs text-muted-foreground">
          {appTypeInfo[app.type].label} · v{app.version} · tool <code className="break-all font-mono text-foreground">{app.toolName}</code>
          {!app.included && " · not offered"}
        </p>
        {app.renamedFrom && (
          <p className="text-xs text-warning">
            Offered as <code className="font-mono">{app.toolName}</code>: <code className="font-mono">{app.renamedFrom.name}</code> is taken
            {app.renamedFrom.takenBy ? ` by ${app.renamedFrom.takenBy}` : ""}.
          </p>
        )}
      </div>
      <Switch id={id} checked={app.included} disabled={disabled} onCheckedChange={onChange} />
    </li>
  );
}

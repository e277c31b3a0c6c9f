"use client";
// The workspace server's switch (turning it off is confirmed: every client stops at once), its status, and the
// secret URL with copy and Regenerate (confirmed: the old URL stops at once).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Switch } from "@/components/ui/switch";
import { RegenerateUrlButton } from "@/components/publishing/regenerate-url-button";
import { ServerUrlField } from "@/components/publishing/server-url-field";
import type { WorkspaceServerStatus } from "./types";

export function WorkspaceServerCard({ status, canChange }: { status: WorkspaceServerStatus; canChange: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirmOff, setConfirmOff] = useState(false);
  const refresh = () => queryClient.invalidateQueries(trpc.workspaceServer.get.queryFilter());
  const onError = (error: { message: string }) => toast.error(error.message);
  const enable = useMutation(trpc.workspaceServer.enable.mutationOptions({ onSuccess: refresh, onError }));
  const disable = useMutation(trpc.workspaceServer.disable.mutationOptions({ onSuccess: refresh }));
  const regenerate = useMutation(trpc.workspaceServer.regenerate.mutationOptions({ onSuccess: refresh }));

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <CardTitle as="h2">Workspace MCP server</CardTitle>
          <CardDescription>One URL for Claude, ChatGPT, Cursor and any MCP client: every app you include below is one of its tools.</CardDescription>
        </div>
        <div className="flex items-center gap-3">
          <Badge variant={status.enabled ? "success" : "neutral"} dot={status.enabled}>
            {status.enabled ? "Running" : "Off"}
          </Badge>
          <Switch
            aria-label="Workspace MCP server"
            checked={status.enabled}
            disabled={!canChange || enable.isPending || disable.isPending}
            onCheckedChange={(on) => (on ? enable.mutate() : setConfirmOff(true))}
          />
        </div>
      </CardHeader>
      <CardContent className="grid gap-4">
        {!canChange && <p className="text-[13px] text-muted-foreground">Only owners and admins can turn the server on or off and change it.</p>}
        {status.configured && !status.enabled && (
          <p role="status" className="text-sm text-muted-foreground">
            The server is off: clients that call it get HTTP 503. Its URL, keys and settings are kept for when you turn it on again.
          </p>
        )}
        {status.url && status.enabled && (
          <ServerUrlField id="workspace-server-url" url={status.url} mode={status.access.mode} secretCalls="every app it offers" />
        )}
      </CardContent>
      {status.configured && canChange && (
        <CardFooter>
          <RegenerateUrlButton regenerate={() => regenerate.mutateAsync()} />
        </CardFooter>
      )}
      <ConfirmDialog
        open={confirmOff}
        onOpenChange={setConfirmOff}
        title="Turn the workspace MCP server off?"
        description="Every client connected to it gets HTTP 503 until you turn it on again. Its URL, keys and settings are kept."
        confirmLabel="Turn off"
        destructive
        onConfirm={async () => {
          await disable.mutateAsync();
          toast.success("The workspace MCP server is off");
        }}
      />
    </Card>
  );
}

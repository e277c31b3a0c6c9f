"use client";
// The MCP Server card: on/off, status, the secret URL with copy and Regenerate, and the tool's public face.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { PowerOff } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Switch } from "@/components/ui/switch";
import { RegenerateUrlButton } from "./regenerate-url-button";
import { ServerUrlField } from "./server-url-field";
import { ToolSettingsDialog } from "./tool-settings-dialog";
import type { ServerStatus } from "./types";

export function McpServerCard({ appId, status }: { appId: string; status: ServerStatus }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [dialog, setDialog] = useState<"enable" | "edit" | null>(null);
  const refresh = () => queryClient.invalidateQueries(trpc.publishedServers.get.queryFilter({ appId }));
  const onError = (error: { message: string }) => toast.error(error.message);
  const enable = useMutation(trpc.publishedServers.enable.mutationOptions({ onSuccess: refresh, onError }));
  const disable = useMutation(trpc.publishedServers.disable.mutationOptions({ onSuccess: refresh, onError }));
  const regenerate = useMutation(trpc.publishedServers.regenerate.mutationOptions({ onSuccess: refresh }));
  const switchId = "mcp-server-switch";

  function toggle(on: boolean) {
    if (!on) return disable.mutate({ appId });
    if (!status.configured) return setDialog("enable");
    enable.mutate({ appId });
  }

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <CardTitle as="h2">MCP Server</CardTitle>
          <CardDescription>Claude, ChatGPT, Cursor and any MCP client can use this app as a tool. It runs the published version.</CardDescription>
        </div>
        <div className="flex items-center gap-3">
          <Badge variant={status.enabled ? "success" : status.configured ? "destructive" : "neutral"} dot={status.enabled}>
            {status.enabled ? "Running" : status.configured ? "Off" : "Disabled"}
          </Badge>
          <Switch
            id={switchId}
            aria-label="MCP server"
            checked={status.enabled}
            disabled={!status.hasPublishedVersion || enable.isPending || disable.isPending}
            onCheckedChange={toggle}
          />
        </div>
      </CardHeader>
      <CardContent className="grid gap-4">
        {!status.hasPublishedVersion && (
          <p className="text-sm text-muted-foreground">Publish the app first: the MCP server runs the published version, never the draft.</p>
        )}
        {status.configured && !status.enabled && (
          <div role="status" aria-label="Server is off" className="grid gap-3 rounded-lg border border-destructive/30 bg-destructive/10 p-4 sm:grid-cols-[auto_1fr] sm:items-start">
            <PowerOff aria-hidden className="size-5 text-destructive" />
            <div className="grid min-w-0 gap-2">
              <p className="font-semibold">This server is off</p>
              <p className="text-sm text-muted-foreground">
                Every MCP client that calls it gets HTTP 503 &ldquo;server is not active&rdquo;. Its URL, keys and tool settings are kept: turn it
                on and the same configuration works again.
              </p>
              <Button className="justify-self-start" loading={enable.isPending} disabled={!status.hasPublishedVersion} onClick={() => enable.mutate({ appId })}>
                Turn on
              </Button>
            </div>
          </div>
        )}
        {status.url && status.enabled && <ServerUrlField id="mcp-server-url" url={status.url} mode={status.access.mode} secretCalls="the app" />}
        {status.configured && (
          <dl className="grid gap-1 text-sm">
            <dt className="text-muted-foreground">Tool</dt>
            <dd className="font-mono">{status.toolName}</dd>
            <dd className="text-muted-foreground">{status.toolDescription}</dd>
          </dl>
        )}
      </CardContent>
      {status.configured && (
        <CardFooter>
          <Button variant="outline" size="sm" onClick={() => setDialog("edit")}>
            Edit tool
          </Button>
          <RegenerateUrlButton regenerate={() => regenerate.mutateAsync({ appId })} />
        </CardFooter>
      )}
      <ToolSettingsDialog appId={appId} status={status} mode={dialog ?? "edit"} open={dialog !== null} onOpenChange={(open) => !open && setDialog(null)} />
    </Card>
  );
}

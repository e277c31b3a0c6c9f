"use client";
// One provider: kind, address, masked key, its models, and (for admins) Test, Edit and Delete.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ChevronDown, CircleAlert, CircleCheck, Pencil, PlugZap, Trash2 } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { ModelsEditor } from "./models-editor";
import { kindOptions, type ProviderView } from "./provider-types";

export function ProviderCard({ provider, canManage, onEdit }: { provider: ProviderView; canManage: boolean; onEdit: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [showModels, setShowModels] = useState(provider.models.length === 0);
  const test = useMutation(trpc.modelProviders.test.mutationOptions());
  const remove = useMutation(trpc.modelProviders.delete.mutationOptions());
  const baseUrl = provider.baseUrl ?? kindOptions[provider.kind].defaultBaseUrl;
  const count = provider.models.length;
  const withTools = provider.models.filter((m) => m.toolCalling).length;

  return (
    <li>
      <Card>
        <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
          <div className="grid min-w-0 gap-1">
            <div className="flex flex-wrap items-center gap-2">
              <CardTitle>{provider.name}</CardTitle>
              <Badge variant="info">{kindOptions[provider.kind].label}</Badge>
            </div>
            <p className="truncate font-mono text-xs text-muted-foreground" title={baseUrl ?? undefined}>
              {baseUrl}
            </p>
            <p className="text-[13px] text-muted-foreground">
              {provider.apiKey ? (
                <>
                  Key <span className="font-mono text-xs text-foreground">{provider.apiKey}</span>
                </>
              ) : (
                "No API key"
              )}{" "}
              · {count} {count === 1 ? "model" : "models"}
              {count > 0 && `, ${withTools} with tool calling`}
            </p>
          </div>
          {canManage && (
            <div className="flex flex-wrap items-center gap-1.5">
              <Button variant="outline" size="sm" loading={test.isPending} onClick={() => test.mutate({ id: provider.id })}>
                {!test.isPending && <PlugZap aria-hidden />} Test
              </Button>
              <Button variant="ghost" size="icon-sm" aria-label={`Edit ${provider.name}`} onClick={onEdit}>
                <Pencil aria-hidden />
              </Button>
              <ConfirmDialog
                title={`Delete ${provider.name}?`}
                description="Its key and model list are deleted. Apps that use one of its models stop running until you choose another model, and if it holds the system model, new apps start without one."
                confirmLabel="Delete provider"
                destructive
                onConfirm={async () => {
                  await remove.mutateAsync({ id: provider.id });
                  await queryClient.invalidateQueries(trpc.modelProviders.pathFilter());
                  toast.success(`${provider.name} deleted`);
                }}
                trigger={
                  <Button variant="ghost" size="icon-sm" aria-label={`Delete ${provider.name}`}>
                    <Trash2 aria-hidden />
                  </Button>
                }
              />
            </div>
          )}
        </CardHeader>
        <CardContent className="grid gap-3">
          <TestResult pending={test.isPending} result={test.data} error={test.error?.message} />
          <button
            type="button"
            aria-expanded={showModels}
            onClick={() => setShowModels((v) => !v)}
            className="flex w-fit cursor-pointer items-center gap-1 text-sm font-medium text-foreground hover:underline"
          >
            <ChevronDown aria-hidden className={cn("size-4 transition-transform", !showModels && "-rotate-90")} />
            Models
          </button>
          {showModels && <ModelsEditor provider={provider} canManage={canManage} />}
        </CardContent>
      </Card>
    </li>
  );
}

function TestResult({ pending, result, error }: { pending: boolean; result?: { ok: boolean; latencyMs: number; error?: string }; error?: string }) {
  if (pending) return <p role="status" className="text-[13px] text-muted-foreground">Testing the key with a minimal request…</p>;
  const failure = error ?? (result && !result.ok ? (result.error ?? "The test failed.") : null);
  if (failure) {
    return (
      <p role="alert" className="flex items-start gap-2 rounded-md border border-destructive/20 bg-destructive/10 px-3 py-2 text-sm text-destructive dark:text-[oklch(0.75_0.16_25)]">
        <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
        <span className="break-words">{failure}</span>
      </p>
    );
  }
  if (!result) return null;
  return (
    <p role="status" className="flex items-center gap-2 text-sm font-medium text-success">
      <CircleCheck aria-hidden className="size-4" /> Connected in {result.latencyMs} ms
    </p>
  );
}

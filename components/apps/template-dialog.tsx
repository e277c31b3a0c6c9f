"use client";
// "Create from template": three finished starting apps; one that uses tools names the kind of MCP server it was
// written for and lets the person pick one of theirs, or skip and add it later.
import { useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { NativeSelect } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { AppIcon } from "./app-icon";
import { appTypeInfo } from "./app-types";
import { useOpenNewApp } from "./use-open-new-app";

export function TemplateDialog({ trigger }: { trigger: React.ReactNode }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const templates = useQuery({ ...trpc.appTemplates.list.queryOptions(), enabled: open });
  const servers = useQuery({ ...trpc.mcpServers.list.queryOptions(), enabled: open });
  const [templateId, setTemplateId] = useState<string | null>(null);
  const [serverId, setServerId] = useState("");
  const chosen = templates.data?.find((t) => t.id === (templateId ?? templates.data[0]?.id));
  const openNewApp = useOpenNewApp(() => setOpen(false));
  const create = useMutation(trpc.appTemplates.create.mutationOptions({ onSuccess: openNewApp }));

  function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen) create.mutate({ templateId: chosen.id, serverId: chosen.server && serverId ? serverId : null });
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (setOpen(next), next || create.reset())}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="sm:max-w-xl">
        <form onSubmit={submit} className="grid gap-5">
          <DialogHeader>
            <DialogTitle>Create from template</DialogTitle>
            <DialogDescription>A finished prompt and input form to start from; change anything afterwards.</DialogDescription>
          </DialogHeader>
          {templates.isPending ? (
            <Skeleton className="h-48" />
          ) : (
            <fieldset className="grid gap-2">
              <legend className="sr-only">Template</legend>
              {templates.data?.map((t) => (
                <label
                  key={t.id}
                  className={cn(
                    "flex cursor-pointer items-start gap-3 rounded-lg border p-3 text-sm transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring",
                    chosen?.id === t.id ? "border-primary bg-primary/5" : "hover:bg-accent",
                  )}
                >
                  <input type="radio" name="template" value={t.id} checked={chosen?.id === t.id} onChange={() => (setTemplateId(t.id), setServerId(""))} className="sr-only" aria-label={t.name} />
                  <AppIcon icon={t.icon} background={t.iconBackground} />
                  <span className="min-w-0">
                    <span className="block font-medium">{t.name}</span>
                    <span className="block text-xs text-muted-foreground">
                      {appTypeInfo[t.type].label} · {t.fields.length ? `Inputs: ${t.fields.join(", ")}` : "No inputs"}
                    </span>
                    <span className="mt-1 block text-muted-foreground">{t.description}</span>
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          {chosen?.server && (
            <div className="grid gap-2 rounded-lg border bg-muted/40 p-3 text-sm">
              <p>
                This template is written for <strong>{chosen.server.kind}</strong> ({chosen.server.examples}).
              </p>
              {servers.data && servers.data.length === 0 ? (
                <p className="text-muted-foreground">
                  You have no MCP servers yet: create the app now and give it tools later, or{" "}
                  <Link href="/tools" className="font-medium text-primary underline-offset-4 hover:underline dark:text-info">connect one in Tools → MCP</Link> first.
                </p>
              ) : (
                <Field label="MCP server" hint="All of its tools are offered to the agent; switch tools off in the editor.">
                  <NativeSelect value={serverId} onChange={(e) => setServerId(e.target.value)}>
                    <option value="">None for now (add one later)</option>
                    {servers.data?.map((s) => (
                      <option key={s.id} value={s.id}>{s.name}</option>
                    ))}
                  </NativeSelect>
                </Field>
              )}
            </div>
          )}
          {create.error && <p role="alert" className="text-sm text-destructive">{create.error.message}</p>}
          <FormDialogFooter submitLabel="Create app" pending={create.isPending} disabled={!chosen} onCancel={() => setOpen(false)} />
        </form>
      </DialogContent>
    </Dialog>
  );
}

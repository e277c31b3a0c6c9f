"use client";
// Import app: choose a file from Export app, see what it is, map each model provider and MCP server it names to one
// of this workspace's (or leave it unset), then create the app. A bad file is explained and nothing changes.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { kindOptions } from "@/components/model-providers/provider-types";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { AppIcon } from "./app-icon";
import { appTypeInfo } from "./app-types";
import { useOpenNewApp } from "./use-open-new-app";

type Mapping = Record<string, string>;

export function ImportAppDialog({ trigger }: { trigger: React.ReactNode }) {
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState("");
  const [providers, setProviders] = useState<Mapping>({});
  const [servers, setServers] = useState<Mapping>({});
  const [fileError, setFileError] = useState<string | null>(null);
  const inspect = useMutation(
    trpc.appFiles.inspect.mutationOptions({
      onSuccess: (found) => {
        setProviders(Object.fromEntries(found.providers.map((p) => [p.ref, p.suggestedId ?? ""])));
        setServers(Object.fromEntries(found.servers.map((s) => [s.ref, s.suggestedId ?? ""])));
      },
    }),
  );
  const openNewApp = useOpenNewApp(() => setOpen(false));
  const importApp = useMutation(trpc.appFiles.import.mutationOptions({ onSuccess: openNewApp }));
  const found = inspect.data;

  async function choose(file: File | undefined) {
    inspect.reset();
    importApp.reset();
    setFileError(null);
    if (!file) return;
    // The server refuses it too; this spares sending it.
    if (file.size > 512 * 1024) return setFileError("The file is larger than 512 KB, so it is not an app export. Nothing was imported.");
    const content = await file.text();
    setText(content);
    inspect.mutate({ text: content });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const entries = (m: Mapping) => Object.entries(m).map(([ref, id]) => ({ ref, id: id || null }));
    importApp.mutate({ text, providers: entries(providers), servers: entries(servers) });
  }

  function reset(next: boolean) {
    setOpen(next);
    if (!next) (inspect.reset(), importApp.reset(), setText(""), setFileError(null));
  }

  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="sm:max-w-lg">
        <form onSubmit={submit} className="grid gap-5">
          <DialogHeader>
            <DialogTitle>Import app</DialogTitle>
            <DialogDescription>A .json file from Export app. It holds no keys or server addresses: you choose yours below.</DialogDescription>
          </DialogHeader>
          <Field label="App file" error={fileError ?? inspect.error?.message}>
            <Input type="file" accept=".json,application/json" onChange={(e) => void choose(e.target.files?.[0])} className="h-auto py-1.5" />
          </Field>
          {found && (
            <div className="grid gap-4">
              <div className="flex items-center gap-3 rounded-lg border bg-muted/40 p-3">
                <AppIcon icon={found.app.icon} background={found.app.iconBackground} />
                <div className="min-w-0 text-sm">
                  <p className="truncate font-medium">{found.app.name}</p>
                  <p className="text-muted-foreground">
                    {appTypeInfo[found.app.type].label} · {found.fieldCount} input {found.fieldCount === 1 ? "field" : "fields"}
                    {found.model ? ` · ${found.model}` : ""}
                  </p>
                </div>
              </div>
              {found.providers.map((p) => (
                <Field
                  key={p.ref}
                  label={`Model provider "${p.name}"`}
                  hint={
                    found.choices.providers.length === 0
                      ? "This workspace has no model providers yet: leave it unset and choose a model once you have added one."
                      : `${kindOptions[p.kind].label} in the file. Unset: choose a model in the editor.`
                  }
                >
                  <NativeSelect value={providers[p.ref] ?? ""} onChange={(e) => setProviders({ ...providers, [p.ref]: e.target.value })}>
                    <option value="">Leave unset</option>
                    {found.choices.providers.map((o) => (
                      <option key={o.id} value={o.id}>{o.name} ({kindOptions[o.kind].label})</option>
                    ))}
                  </NativeSelect>
                </Field>
              ))}
              {found.servers.map((s) => (
                <Field
                  key={s.ref}
                  label={`MCP server "${s.name}"`}
                  hint={
                    found.choices.servers.length === 0
                      ? "This workspace has no MCP servers yet: leave it unset and give the agent tools once you have connected one."
                      : "Unset: the agent gets no tools from it; add a server later in the editor."
                  }
                >
                  <NativeSelect value={servers[s.ref] ?? ""} onChange={(e) => setServers({ ...servers, [s.ref]: e.target.value })}>
                    <option value="">Leave unset</option>
                    {found.choices.servers.map((o) => (
                      <option key={o.id} value={o.id}>{o.name}</option>
                    ))}
                  </NativeSelect>
                </Field>
              ))}
            </div>
          )}
          {importApp.error && <p role="alert" className="text-sm text-destructive">{importApp.error.message}</p>}
          <FormDialogFooter submitLabel="Import app" pending={importApp.isPending || inspect.isPending} disabled={!found} onCancel={() => reset(false)} />
        </form>
      </DialogContent>
    </Dialog>
  );
}

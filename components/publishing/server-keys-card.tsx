"use client";
// The bearer keys of a server in "API key" mode: a call without one of them is refused (401).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CardListStates } from "@/components/ui/card-list-states";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { RevokeKeyButton } from "@/components/ui/revoke-key-button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Input } from "@/components/ui/input";
import { ShownOnceKey } from "@/components/ui/shown-once-key";
import { clientInstructions } from "./client-instructions";
import { useServerApi, type ServerRef } from "./server-api";

/**
 * `url` and `name` make the configurations offered with a new key; without a URL (server off) none are offered.
 * Without `canChange` the keys are listed only (the workspace server's keys are its admins' to make and revoke).
 */
export function ServerKeysCard({ server, url, name, canChange = true }: { server: ServerRef; url: string | null; name: string; canChange?: boolean }) {
  const api = useServerApi(server);
  const queryClient = useQueryClient();
  const keys = useQuery({ queryKey: api.keysKey, queryFn: api.listKeys });
  const [open, setOpen] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: api.keysKey });
  const revoke = useMutation({ mutationFn: api.revokeKey, onSuccess: refresh });

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div>
          <CardTitle as="h2">API keys</CardTitle>
          <CardDescription>
            Clients must send <code className="font-mono text-xs">Authorization: Bearer &lt;key&gt;</code> or get 401. One key per client or
            person, so you can revoke one alone.
          </CardDescription>
        </div>
        {canChange && (
          <Button variant="outline" onClick={() => setOpen(true)}>
            <Plus aria-hidden /> Create key
          </Button>
        )}
      </CardHeader>
      <CardListStates
        query={keys}
        empty={
          <p className="border-t px-6 py-6 text-center text-sm text-muted-foreground">No keys yet: no client can connect until you create one.</p>
        }
      >
        {(rows) => (
          <ul className="divide-y border-t" aria-label="Server API keys">
            {rows.map((key) => (
              <li key={key.id} className="flex flex-wrap items-center gap-3 px-6 py-3">
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-medium">{key.name}</p>
                  <p className="text-xs text-muted-foreground">
                    <span className="font-mono">{key.prefix}…</span> · last used {key.lastUsedAt ? new Date(key.lastUsedAt).toLocaleString() : "never"}
                  </p>
                </div>
                <Badge>Bearer</Badge>
                {canChange && (
                  <RevokeKeyButton
                    name={key.name}
                    description="Clients using this key stop working at once. This cannot be undone."
                    onRevoke={() => revoke.mutateAsync(key.id)}
                  />
                )}
              </li>
            ))}
          </ul>
        )}
      </CardListStates>
      <CreateKeyDialog server={server} url={url} name={name} open={open} onOpenChange={setOpen} onCreated={refresh} />
    </Card>
  );
}

interface CreateKeyDialogProps {
  server: ServerRef;
  url: string | null;
  name: string;
  open: boolean;
  onOpenChange(open: boolean): void;
  onCreated(): void;
}

function CreateKeyDialog({ server, url, name: toolName, open, onOpenChange, onCreated }: CreateKeyDialogProps) {
  const api = useServerApi(server);
  const [name, setName] = useState("");
  const create = useMutation({ mutationFn: api.createKey, onSuccess: onCreated });

  function close(next: boolean) {
    if (!next) {
      create.reset();
      setName("");
    }
    onOpenChange(next);
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(name);
  }

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent>
        {create.data ? (
          <ShownOnceKey value={create.data.key} label="New server API key" hint="Put it in your MCP client's configuration." onDone={() => close(false)}>
            {url && <ConfigWithKey url={url} name={toolName} apiKey={create.data.key} />}
          </ShownOnceKey>
        ) : (
          <form onSubmit={submit} className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Create server key</DialogTitle>
              <DialogDescription>Name it after the client or person that will use it, so you know what to revoke.</DialogDescription>
            </DialogHeader>
            <Field label="Name" error={create.error?.message}>
              <Input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} placeholder="Ada's Claude Desktop" autoFocus />
            </Field>
            <FormDialogFooter submitLabel="Create key" pending={create.isPending} onCancel={() => close(false)} />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

/** The key is shown only now, so the configurations that need it are offered with it filled in: nothing to edit. */
function ConfigWithKey({ url, name, apiKey }: { url: string; name: string; apiKey: string }) {
  // Claude and ChatGPT cannot send a key; the others get their configuration with this one filled in.
  const snippets = clientInstructions(url, name, "api_key", apiKey).filter((s) => s.access.works);
  return (
    <div role="group" aria-labelledby="config-with-key-heading" className="grid gap-2 rounded-lg border bg-muted/30 p-3">
      <p id="config-with-key-heading" className="text-sm font-medium">
        Copy config with this key
      </p>
      <p className="text-[13px] text-muted-foreground">Ready to paste: the URL and this key are already in it. Claude Desktop: use mcp-remote in its config file.</p>
      <div className="flex flex-wrap gap-2">
        {snippets.map((s) => (
          <CopyButton key={s.id} value={s.config} variant="outline" aria-label={`Copy ${s.label} config with this key`}>
            {s.label}
          </CopyButton>
        ))}
      </div>
    </div>
  );
}

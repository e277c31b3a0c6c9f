"use client";
// The create form of Settings -> OAuth clients: name, redirect URIs (one a line) and type; a confidential client's
// secret is shown once, here, with its client id.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Input } from "@/components/ui/input";
import { NativeSelect, SelectOptions } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";

const clientTypes = [
  { value: "public", label: "Public: PKCE only, no secret (apps on a device, CLIs)" },
  { value: "confidential-basic", label: "Confidential: secret in the Authorization header (client_secret_basic)" },
  { value: "confidential-post", label: "Confidential: secret in the request body (client_secret_post)" },
] as const;
type ClientType = (typeof clientTypes)[number]["value"];

function CopyLine({ label, value }: { label: string; value: string }) {
  return (
    <div className="grid gap-1.5">
      <span className="text-sm font-medium">{label}</span>
      <div className="flex gap-2">
        <Input readOnly value={value} aria-label={label} className="font-mono text-xs" onFocus={(e) => e.target.select()} />
        <CopyButton value={value} label={label} variant="outline" />
      </div>
    </div>
  );
}

export function CreateOauthClientDialog({ open, onOpenChange, onCreated }: { open: boolean; onOpenChange(open: boolean): void; onCreated(): void }) {
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [uris, setUris] = useState("");
  const [type, setType] = useState<ClientType>("confidential-basic");
  const create = useMutation(trpc.oauthClients.create.mutationOptions({ onSuccess: onCreated }));

  function close(next: boolean) {
    if (!next) {
      create.reset();
      setName("");
      setUris("");
      setType("confidential-basic");
    }
    onOpenChange(next);
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    const redirectUris = uris.split("\n").map((u) => u.trim()).filter(Boolean);
    create.mutate(
      type === "public"
        ? { name, redirectUris, type: "public" }
        : { name, redirectUris, type: "confidential", secretMethod: type === "confidential-post" ? "client_secret_post" : "client_secret_basic" },
    );
  }

  const created = create.data;
  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent>
        {created ? (
          <>
            <DialogHeader>
              <DialogTitle>{created.clientSecret ? "Copy the client secret" : "Client created"}</DialogTitle>
              <DialogDescription>
                {created.clientSecret
                  ? "This is the only time the secret is shown. Enter both in the client's OAuth settings."
                  : "Enter the client ID in the client's OAuth settings; it signs in with PKCE and needs no secret."}
              </DialogDescription>
            </DialogHeader>
            <CopyLine label="Client ID" value={created.clientId} />
            {created.clientSecret && <CopyLine label="Client secret" value={created.clientSecret} />}
            <DialogFooter>
              <Button onClick={() => close(false)}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form onSubmit={submit} className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Register an OAuth client</DialogTitle>
              <DialogDescription>
                For a client that cannot register itself (ChatGPT&apos;s predefined client, an in-house tool). It can sign in
                people of this workspace to its MCP servers in &ldquo;Switchyard sign-in&rdquo; mode.
              </DialogDescription>
            </DialogHeader>
            <Field label="Name" hint="People see it on the consent page.">
              <Input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} placeholder="ChatGPT (Acme)" autoFocus />
            </Field>
            <Field label="Redirect URIs" hint="One a line: https, or http only for 127.0.0.1 or localhost. Matched exactly." error={create.error?.message}>
              <Textarea
                value={uris}
                onChange={(e) => setUris(e.target.value)}
                required
                rows={3}
                className="font-mono text-xs"
                placeholder="https://chatgpt.com/connector_platform_oauth_redirect"
              />
            </Field>
            <Field label="Type">
              <NativeSelect value={type} onChange={(e) => setType(e.target.value as ClientType)}>
                <SelectOptions options={clientTypes} />
              </NativeSelect>
            </Field>
            <FormDialogFooter submitLabel="Create client" pending={create.isPending} onCancel={() => close(false)} />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

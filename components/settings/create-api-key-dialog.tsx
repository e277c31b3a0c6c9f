"use client";
// The create form of Settings -> API keys: name, role (never above the creator's) and lifetime; the key is shown once.
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { FormDialogFooter } from "@/components/ui/form-dialog-footer";
import { Input } from "@/components/ui/input";
import { NativeSelect, SelectOptions } from "@/components/ui/select";
import { ShownOnceKey } from "@/components/ui/shown-once-key";
import type { RoleName } from "./role-label";
import { RoleOptions } from "./role-options";

const lifetimes = [
  { value: "", label: "Never expires" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
  { value: "365", label: "1 year" },
] as const;

export function CreateApiKeyDialog({
  open,
  onOpenChange,
  myRole,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  myRole: RoleName | undefined;
  onCreated: () => void;
}) {
  const trpc = useTRPC();
  const [name, setName] = useState("");
  const [role, setRole] = useState<RoleName>("member");
  const [lifetime, setLifetime] = useState<(typeof lifetimes)[number]["value"]>("90");
  const create = useMutation(trpc.apiKeys.create.mutationOptions({ onSuccess: onCreated }));

  function close(next: boolean) {
    if (!next) {
      create.reset();
      setName("");
      setRole("member");
      setLifetime("90");
    }
    onOpenChange(next);
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, role, expiresInDays: lifetime ? (Number(lifetime) as 30 | 90 | 365) : null });
  }

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent>
        {create.data ? (
          <ShownOnceKey value={create.data.key} label="New API key" hint="Store it somewhere safe." onDone={() => close(false)} />
        ) : (
          <form onSubmit={submit} className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Create API key</DialogTitle>
              <DialogDescription>
                The key acts with the role you choose, never above your own, and is revoked if you leave the
                workspace or lose that role.
              </DialogDescription>
            </DialogHeader>
            <Field label="Name" error={create.error?.message}>
              <Input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} placeholder="CI deploys" autoFocus />
            </Field>
            <Field label="Role">
              <NativeSelect value={role} onChange={(e) => setRole(e.target.value as RoleName)}>
                <RoleOptions upTo={myRole} />
              </NativeSelect>
            </Field>
            <Field label="Expires">
              <NativeSelect value={lifetime} onChange={(e) => setLifetime(e.target.value as typeof lifetime)}>
                <SelectOptions options={lifetimes} />
              </NativeSelect>
            </Field>
            <FormDialogFooter submitLabel="Create key" pending={create.isPending} onCancel={() => close(false)} />
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

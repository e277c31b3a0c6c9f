"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, Plus } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { ShownOnceKey } from "@/components/ui/shown-once-key";
import { Skeleton } from "@/components/ui/skeleton";
import { atLeast, roleLabels, roleOrder, type RoleName } from "./role-label";

function formatDate(value: Date | null) {
  return value ? new Date(value).toLocaleString() : "Never";
}

export function ApiKeysPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.workspaces.current.queryOptions());
  const canManage = atLeast(current.data?.role, "admin");
  const keys = useQuery({ ...trpc.apiKeys.list.queryOptions(), enabled: canManage });
  const [open, setOpen] = useState(false);
  const refresh = () => queryClient.invalidateQueries(trpc.apiKeys.list.queryFilter());
  const revoke = useMutation(trpc.apiKeys.revoke.mutationOptions({ onSuccess: refresh }));

  if (current.isPending) return <Skeleton className="h-40" />;
  if (!canManage) {
    return (
      <EmptyState
        icon={KeyRound}
        title="API keys are managed by owners and admins"
        description="Ask an owner or admin of this workspace for a key."
      />
    );
  }

  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div>
          <CardTitle as="h2">API keys</CardTitle>
          <CardDescription>
            Send a key as <code className="font-mono text-xs">Authorization: Bearer &lt;key&gt;</code> to call the
            console API with the key&apos;s role.
          </CardDescription>
        </div>
        <Button onClick={() => setOpen(true)}>
          <Plus aria-hidden /> Create API key
        </Button>
      </CardHeader>
      <CardContent className="p-0">
        {keys.isPending ? (
          <div className="p-6">
            <Skeleton className="h-10" />
          </div>
        ) : keys.isError ? (
          <p className="p-6 text-sm text-destructive">{keys.error.message}</p>
        ) : keys.data.length === 0 ? (
          <p className="border-t px-6 py-8 text-center text-sm text-muted-foreground">
            No API keys yet. Create one for scripts and CI.
          </p>
        ) : (
          <ul className="divide-y border-t" aria-label="API keys">
            {keys.data.map((key) => (
              <li key={key.id} className="flex flex-wrap items-center gap-3 px-6 py-3">
                <div className="min-w-0 flex-1">
                  <p className="text-sm font-medium">{key.name}</p>
                  <p className="text-xs text-muted-foreground">
                    <span className="font-mono">{key.prefix}…</span> · last used {formatDate(key.lastUsedAt)}
                  </p>
                </div>
                <Badge>{roleLabels[key.role]}</Badge>
                <ConfirmDialog
                  title={`Revoke "${key.name}"?`}
                  description="Anything using this key stops working at once. This cannot be undone."
                  confirmLabel="Revoke key"
                  destructive
                  onConfirm={async () => {
                    await revoke.mutateAsync({ id: key.id });
                    toast.success("Key revoked");
                  }}
                  trigger={
                    <Button variant="ghost" size="sm">
                      Revoke
                    </Button>
                  }
                />
              </li>
            ))}
          </ul>
        )}
      </CardContent>
      <CreateKeyDialog open={open} onOpenChange={setOpen} myRole={current.data?.role} onCreated={refresh} />
    </Card>
  );
}

function CreateKeyDialog({
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
  const create = useMutation(trpc.apiKeys.create.mutationOptions({ onSuccess: onCreated }));

  function close(next: boolean) {
    if (!next) {
      create.reset();
      setName("");
      setRole("member");
    }
    onOpenChange(next);
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, role });
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
              <DialogDescription>The key acts with the role you choose, never above your own.</DialogDescription>
            </DialogHeader>
            <Field label="Name" error={create.error?.message}>
              <Input value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} placeholder="CI deploys" autoFocus />
            </Field>
            <Field label="Role">
              <NativeSelect value={role} onChange={(e) => setRole(e.target.value as RoleName)}>
                {roleOrder
                  .filter((r) => atLeast(myRole, r))
                  .map((r) => (
                    <option key={r} value={r}>
                      {roleLabels[r]}
                    </option>
                  ))}
              </NativeSelect>
            </Field>
            <DialogFooter>
              <Button type="button" variant="outline" onClick={() => close(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create key
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

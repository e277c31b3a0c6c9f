"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { Skeleton } from "@/components/ui/skeleton";
import { parseRetentionDays, shortensRetention } from "./retention-days";
import { atLeast } from "./role-label";

type Mode = "forever" | "days";

/** Settings -> General: how long call logs and conversations are kept before the retention job removes them. */
export function RetentionSettings() {
  const trpc = useTRPC();
  const current = useQuery(trpc.workspaces.current.queryOptions());
  if (current.isPending) return <Skeleton className="h-56 w-full max-w-2xl" />;
  if (current.isError) return <p className="text-sm text-destructive">{current.error.message}</p>;
  return <RetentionForm saved={current.data.retentionDays} canEdit={atLeast(current.data.role, "admin")} />;
}

function RetentionForm({ saved, canEdit }: { saved: number | null; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<Mode>(saved === null ? "forever" : "days");
  const [text, setText] = useState(saved === null ? "90" : String(saved));
  const [checked, setChecked] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const save = useMutation(
    trpc.workspaces.setRetention.mutationOptions({
      onSuccess: async () => {
        toast.success("Retention saved");
        setChecked(false);
        await queryClient.invalidateQueries(trpc.workspaces.current.queryFilter());
      },
    }),
  );

  const parsed = mode === "days" ? parseRetentionDays(text) : { days: null };
  const fieldError = checked && "error" in parsed ? parsed.error : undefined;
  const chosen = "days" in parsed ? parsed.days : undefined;
  const dirty = mode === "forever" ? saved !== null : chosen !== saved;
  const submit = () => save.mutateAsync({ days: chosen ?? null });

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    setChecked(true);
    if (chosen === undefined) return;
    if (shortensRetention(saved, chosen)) setConfirming(true);
    else submit().catch(() => undefined);
  }

  return (
    <Card className="max-w-2xl">
      <form onSubmit={onSubmit} noValidate>
        <CardHeader>
          <CardTitle as="h2">Data retention</CardTitle>
          <CardDescription>
            How long call logs and conversations are kept. Older ones are deleted for good within half an hour of saving, and then as
            they age. A conversation counts from its last message.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4">
          {!canEdit && <p className="text-[13px] text-muted-foreground">Only owners and admins can change how long data is kept.</p>}
          <RadioGroup aria-label="Keep call logs and conversations" value={mode} onValueChange={(v) => setMode(v as Mode)} disabled={!canEdit || save.isPending}>
            <div className="flex items-center gap-3">
              <RadioGroupItem value="forever" id="retention-forever" />
              <Label htmlFor="retention-forever" className="cursor-pointer">
                Keep forever
              </Label>
            </div>
            <div className="flex items-center gap-3">
              <RadioGroupItem value="days" id="retention-days" />
              <Label htmlFor="retention-days" className="cursor-pointer">
                Keep for a number of days
              </Label>
            </div>
          </RadioGroup>
          {mode === "days" && (
            <Field label="Days to keep" hint="A whole number from 1 to 3650." error={fieldError ?? save.error?.message} className="max-w-xs">
              <Input
                value={text}
                onChange={(e) => setText(e.target.value)}
                inputMode="numeric"
                autoComplete="off"
                maxLength={12}
                disabled={!canEdit || save.isPending}
                required
              />
            </Field>
          )}
          {mode === "forever" && save.error && (
            <p role="alert" className="text-sm text-destructive">
              {save.error.message}
            </p>
          )}
        </CardContent>
        {canEdit && (
          <CardFooter className="justify-end">
            <Button type="submit" loading={save.isPending} disabled={!dirty}>
              Save retention
            </Button>
          </CardFooter>
        )}
      </form>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete what is older than ${chosen ?? ""} days?`}
        description={`Call logs and conversations in every app of this workspace that are more than ${chosen ?? ""} days old are deleted at the next run, within half an hour. They cannot be brought back.`}
        confirmLabel="Save and delete older data"
        destructive
        onConfirm={async () => void (await submit())}
      />
    </Card>
  );
}

"use client";
// Access: who may call this server. Three choices; sign-in may be narrowed to chosen members. Owners and admins
// change it; opening a stricter server to "Anyone with the URL" is confirmed first. The change reaches every
// instance at the next request.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { SaveError } from "@/components/ui/save-error";
import { SaveFooter } from "@/components/ui/save-footer";
import { accessModeText, opensUp, type AccessMode } from "./access-modes";
import { PeoplePicker } from "./people-picker";
import { useServerApi, type ServerRef } from "./server-api";
import type { ServerStatus } from "./types";

const order: AccessMode[] = ["url", "api_key", "sign_in"];

export function AccessCard({ server, access, canChange }: { server: ServerRef; access: ServerStatus["access"]; canChange: boolean }) {
  const api = useServerApi(server);
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<AccessMode>(access.mode);
  const [restricted, setRestricted] = useState(access.restricted);
  const [people, setPeople] = useState(access.people.map((p) => p.userId));
  const [confirming, setConfirming] = useState(false);
  const save = useMutation({
    mutationFn: api.setAccess,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: api.statusKey });
      toast.success("Access saved: it applies from the next request");
    },
  });

  const samePeople = people.length === access.people.length && access.people.every((p) => people.includes(p.userId));
  const dirty = mode !== access.mode || (mode === "sign_in" && (restricted !== access.restricted || (restricted && !samePeople)));
  const reset = () => {
    setMode(access.mode);
    setRestricted(access.restricted);
    setPeople(access.people.map((p) => p.userId));
  };
  const submit = () => save.mutateAsync({ mode, ...(mode === "sign_in" ? { restricted, people: restricted ? people : [] } : {}) });

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Access</CardTitle>
        <CardDescription>
          Who may call this server. Claude and ChatGPT accept only &ldquo;Anyone with the URL&rdquo; or &ldquo;Switchyard sign-in&rdquo;: they cannot
          send a pasted key.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {!canChange && <p className="text-[13px] text-muted-foreground">Only owners and admins can change who may call.</p>}
        <RadioGroup aria-label="Access" value={mode} onValueChange={(v) => setMode(v as AccessMode)} disabled={!canChange || save.isPending}>
          {order.map((m) => (
            <div key={m} className="grid gap-3 rounded-lg border p-3 has-[[data-state=checked]]:border-primary/50 has-[[data-state=checked]]:bg-accent/30">
              <div className="flex items-start gap-3">
                <RadioGroupItem value={m} id={`access-${m}`} aria-describedby={`access-${m}-line`} className="mt-0.5" />
                <div className="grid min-w-0 gap-0.5">
                  <Label htmlFor={`access-${m}`} className="cursor-pointer">
                    {accessModeText[m].label}
                  </Label>
                  <p id={`access-${m}-line`} className="text-[13px] text-muted-foreground">
                    {accessModeText[m].line}
                  </p>
                </div>
              </div>
              {m === "sign_in" && mode === "sign_in" && (
                <div className="grid gap-3 pl-7">
                  <div className="flex items-center gap-3">
                    <Checkbox id="access-restricted" checked={restricted} onCheckedChange={(v) => setRestricted(v === true)} disabled={!canChange || save.isPending} />
                    <Label htmlFor="access-restricted" className="cursor-pointer">
                      Only these people
                    </Label>
                  </div>
                  {restricted ? (
                    <PeoplePicker chosen={people} onChange={setPeople} disabled={!canChange || save.isPending} />
                  ) : (
                    <p className="text-[13px] text-muted-foreground">Every member of this workspace may sign in.</p>
                  )}
                </div>
              )}
            </div>
          ))}
        </RadioGroup>
        <SaveError error={save.error} />
      </CardContent>
      {canChange && (
        <SaveFooter
          label="Save access"
          disabled={!dirty || (mode === "sign_in" && restricted && people.length === 0)}
          pending={save.isPending}
          onSave={() => (opensUp(access.mode, mode) ? setConfirming(true) : submit().catch(() => undefined))}
          onCancel={dirty ? reset : undefined}
        >
          <ConfirmDialog
            open={confirming}
            onOpenChange={setConfirming}
            title="Let anyone with the URL in?"
            description={`The server stops asking for a key or a sign-in: anyone who has the link can call ${server.appId === null ? "every app it offers" : "the app"}, and calls no longer name who made them.`}
            confirmLabel="Open to anyone with the URL"
            destructive
            onConfirm={async () => void (await submit())}
          />
        </SaveFooter>
      )}
    </Card>
  );
}

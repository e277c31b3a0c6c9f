"use client";
// One tool's settings in an agent, beyond its switch: the description the model reads when it chooses tools.
// Saved with the app's draft (server/apps/app-config.ts, toolBindingSchema); the runtime sends it in place of the
// server's own (server/agent/build-tool-set.ts).
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";

const maxLength = 2000;

export function BoundToolSettingsDialog({
  open,
  onOpenChange,
  toolName,
  serverDescription,
  override,
  onSave,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  toolName: string;
  serverDescription?: string;
  override?: string;
  /** An empty text goes back to the server's description. */
  onSave: (description: string) => void;
}) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        {/* Mounted only while open, so each opening starts from what is saved. */}
        <SettingsForm toolName={toolName} serverDescription={serverDescription} override={override} onSave={onSave} onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

function SettingsForm({
  toolName,
  serverDescription,
  override,
  onSave,
  onDone,
}: {
  toolName: string;
  serverDescription?: string;
  override?: string;
  onSave: (description: string) => void;
  onDone: () => void;
}) {
  const [text, setText] = useState(override ?? serverDescription ?? "");
  const same = text.trim() === (serverDescription ?? "").trim();

  function submit(event: FormEvent) {
    event.preventDefault();
    onSave(same ? "" : text);
    onDone();
  }

  return (
    <form onSubmit={submit} className="grid gap-4">
      <DialogHeader>
        <DialogTitle className="break-all">Settings for {toolName}</DialogTitle>
        <DialogDescription>Applies to this app only. The server and other apps keep their own description.</DialogDescription>
      </DialogHeader>
      <Field
        label="Description shown to the model"
        hint={same ? "The server's own description." : "Your description replaces the server's when this agent runs."}
      >
        <Textarea rows={6} value={text} maxLength={maxLength} onChange={(e) => setText(e.target.value)} />
      </Field>
      <DialogFooter>
        {override && (
          <Button type="button" variant="ghost" className="sm:mr-auto" onClick={() => setText(serverDescription ?? "")}>
            Use the server's description
          </Button>
        )}
        <Button type="button" variant="outline" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit">Save</Button>
      </DialogFooter>
    </form>
  );
}

"use client";
// What MCP clients see of the app: the tool's name, its description and one per input. Asked for the first time
// the server is turned on, editable later.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { ServerStatus } from "./types";

// Mirrors server/mcp/server/tool-name.ts; the server checks again.
const toolNamePattern = /^[A-Za-z0-9_.-]{1,64}$/;

interface ToolSettingsDialogProps {
  appId: string;
  status: ServerStatus;
  /** "enable" turns the server on when saved; "edit" only saves. */
  mode: "enable" | "edit";
  open: boolean;
  onOpenChange(open: boolean): void;
}

export function ToolSettingsDialog({ appId, status, mode, open, onOpenChange }: ToolSettingsDialogProps) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-xl">
        {/* Keyed on open so every opening starts from the saved values. */}
        {open && <SettingsForm key={String(open)} appId={appId} status={status} mode={mode} onDone={() => onOpenChange(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function SettingsForm({ appId, status, mode, onDone }: { appId: string; status: ServerStatus; mode: "enable" | "edit"; onDone(): void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [toolName, setToolName] = useState(status.toolName);
  const [toolDescription, setToolDescription] = useState(status.toolDescription);
  const [descriptions, setDescriptions] = useState<Record<string, string>>(Object.fromEntries(status.parameters.map((p) => [p.key, p.description])));
  const [submitted, setSubmitted] = useState(false);
  const refresh = () => queryClient.invalidateQueries(trpc.publishedServers.get.queryFilter({ appId }));
  const enable = useMutation(trpc.publishedServers.enable.mutationOptions({ onSuccess: refresh }));
  const update = useMutation(trpc.publishedServers.update.mutationOptions({ onSuccess: refresh }));
  const pending = enable.isPending || update.isPending;
  const serverError = enable.error?.message ?? update.error?.message;

  const nameError = submitted && !toolNamePattern.test(toolName) ? "Use 1 to 64 letters, digits, _, . or - (no spaces)." : undefined;
  const descriptionError = submitted && !toolDescription.trim() ? "Describe what the tool does: MCP clients show it to their model." : undefined;
  const missing = (key: string) => submitted && !descriptions[key]?.trim();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    if (!toolNamePattern.test(toolName) || !toolDescription.trim() || status.parameters.some((p) => !descriptions[p.key]?.trim())) return;
    const settings = { appId, toolName, toolDescription, parameterDescriptions: descriptions };
    if (mode === "enable") {
      await enable.mutateAsync(settings);
      toast.success("MCP server is running");
    } else {
      await update.mutateAsync(settings);
      toast.success("Tool settings saved");
    }
    onDone();
  }

  return (
    <form onSubmit={(e) => void submit(e).catch(() => {})} className="grid gap-4" noValidate>
      <DialogHeader>
        <DialogTitle>{mode === "enable" ? "Turn on the MCP server" : "Tool settings"}</DialogTitle>
        <DialogDescription>
          MCP clients see this app as one tool. Their model decides when to call it from these descriptions, so say what it does and
          what each input means.
        </DialogDescription>
      </DialogHeader>
      <Field label="Tool name" hint="Letters, digits, _, . and -, up to 64 characters." error={nameError}>
        <Input value={toolName} onChange={(e) => setToolName(e.target.value)} maxLength={64} className="font-mono" autoFocus />
      </Field>
      <Field label="What the tool does" error={descriptionError}>
        <Textarea value={toolDescription} onChange={(e) => setToolDescription(e.target.value)} rows={3} maxLength={2000} placeholder="Answers questions about our product docs." />
      </Field>
      {status.parameters.length > 0 && (
        <fieldset className="grid gap-3">
          <legend className="mb-2 text-sm font-medium">Inputs</legend>
          {status.parameters.map((p) => (
            <Field key={p.key} label={`${p.label} (${p.key})`} error={missing(p.key) ? "Describe this input." : undefined}>
              <Textarea rows={2} value={descriptions[p.key] ?? ""} maxLength={1000} onChange={(e) => setDescriptions({ ...descriptions, [p.key]: e.target.value })} />
            </Field>
          ))}
        </fieldset>
      )}
      {serverError && (
        <p role="alert" className="text-sm text-destructive">
          {serverError}
        </p>
      )}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {mode === "enable" ? "Turn on" : "Save"}
        </Button>
      </DialogFooter>
    </form>
  );
}

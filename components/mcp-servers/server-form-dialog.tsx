"use client";
// "Add MCP Server (HTTP)" and "Edit MCP server": one form, tested before or after saving.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleAlert, Info, KeyRound } from "lucide-react";
import { useRef, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { formErrorsFrom, noFormErrors, type FieldErrors } from "./form-errors";
import type { McpServerView } from "./mcp-server-types";
import type { AuthorizeTarget } from "./oauth-authorize";
import { ServerFormFields, timeoutFields } from "./server-form-fields";
import { TestConnectionPanel } from "./test-connection-panel";
import { useReturnFocus } from "./use-return-focus";
import { useServerForm } from "./use-server-form";

export function ServerFormDialog({
  open,
  onOpenChange,
  server,
  authorize,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The server to edit; null adds a new one. */
  server: McpServerView | null;
  /** Starts OAuth in a popup; owned by the page, so it keeps listening after this dialog closes. */
  authorize: (target: AuthorizeTarget) => void;
}) {
  const returnFocus = useReturnFocus();
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-xl" {...returnFocus}>
        {/* Mounted only while open, so every opening starts from the server's saved values. */}
        <ServerForm server={server} authorize={authorize} onDone={() => onOpenChange(false)} />
      </DialogContent>
    </Dialog>
  );
}

function ServerForm({ server, authorize, onDone }: { server: McpServerView | null; authorize: (target: AuthorizeTarget) => void; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useServerForm(server);
  const [errors, setErrors] = useState(noFormErrors);
  const [advancedOpen, setAdvancedOpen] = useState(false);
  const [saving, setSaving] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const create = useMutation(trpc.mcpServers.create.mutationOptions());
  const update = useMutation(trpc.mcpServers.update.mutationOptions());
  const previewTools = useMutation(trpc.mcpServers.previewTools.mutationOptions());
  const apply = useMutation(trpc.mcpServers.applyTools.mutationOptions());
  const test = useMutation(trpc.mcpServers.testConnection.mutationOptions());
  // The last test found a server that wants OAuth: adding it goes straight on to authorizing it.
  const usesOAuth = server === null && test.data?.needsAuthorization === true && !test.isPending;
  const renamed = server !== null && form.state.identifier !== server.identifier;
  const usage = useQuery({ ...trpc.mcpServers.usage.queryOptions({ id: server?.id ?? "" }), enabled: renamed });

  function show(next: { fields: FieldErrors; form: string | null }) {
    setErrors(next);
    if (timeoutFields.some((t) => next.fields[t.path])) setAdvancedOpen(true);
    // Move focus to the first field the server rejected, once it is rendered (and its section opened).
    if (Object.keys(next.fields).length > 0) {
      requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>("[aria-invalid='true']")?.focus());
    }
  }

  /** Seconds are checked here: the server's limits are in milliseconds, which would read oddly. */
  function checkTimeouts(): boolean {
    const fields: FieldErrors = {};
    for (const t of timeoutFields) {
      const seconds = Number(form.state[t.key]);
      if (!form.state[t.key].trim() || !Number.isFinite(seconds) || seconds < 1 || seconds > t.max) fields[t.path] = `Enter 1 to ${t.max} seconds.`;
    }
    show({ fields, form: null });
    return Object.keys(fields).length === 0;
  }

  async function runTest() {
    if (!checkTimeouts()) return;
    try {
      await test.mutateAsync({ id: server?.id, connection: form.connection, name: form.input.name || "The server" });
    } catch (error) {
      show(formErrorsFrom(error));
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (usesOAuth) return addAndAuthorize();
    if (!checkTimeouts()) return;
    setSaving(true);
    try {
      if (server) {
        await update.mutateAsync({ id: server.id, ...form.input });
        toast.success(`${form.input.name} saved`);
      } else {
        const created = await create.mutateAsync(form.input);
        await fetchFirstTools(created.id, created.name);
      }
      await queryClient.invalidateQueries(trpc.mcpServers.pathFilter());
      onDone();
    } catch (error) {
      show(formErrorsFrom(error));
    } finally {
      setSaving(false);
    }
  }

  /**
   * "Add & authorize": the popup opens inside this click (browsers block later ones), the server is saved, then the
   * popup goes to its authorization server. A refused save shows on the form and closes the popup.
   */
  function addAndAuthorize() {
    if (!checkTimeouts()) return;
    authorize(async () => {
      setSaving(true);
      try {
        const created = await create.mutateAsync(form.input);
        await queryClient.invalidateQueries(trpc.mcpServers.pathFilter());
        onDone();
        return created;
      } catch (error) {
        show(formErrorsFrom(error));
        return null;
      } finally {
        setSaving(false);
      }
    });
  }

  /** A new server's tools are listed right away; a failure leaves the server saved with its error status. */
  async function fetchFirstTools(id: string, name: string) {
    try {
      const preview = await previewTools.mutateAsync({ id });
      if (preview.status === "needs_authorization") {
        // Not a failure: say so neutrally and offer the next step (a click, so the popup may open).
        toast.info(`${name} added. This server uses OAuth`, {
          description: "Authorize it to list its tools.",
          action: { label: "Authorize", onClick: () => authorize({ id, name }) },
          duration: 15_000,
        });
        return;
      }
      const { token, tools } = preview;
      await apply.mutateAsync({ id, token });
      toast.success(`${name} added`, { description: `${tools.length} ${tools.length === 1 ? "tool" : "tools"} listed.` });
    } catch (error) {
      toast.warning(`${name} added, but its tools could not be listed`, { description: error instanceof Error ? error.message : undefined });
    }
  }

  return (
    <form ref={formRef} onSubmit={submit} className="grid gap-5">
      <DialogHeader>
        <DialogTitle>{server ? `Edit ${server.name}` : "Add MCP Server (HTTP)"}</DialogTitle>
        <DialogDescription>
          {server
            ? "Changes apply to every app that uses this server."
            : "Connect a server over Streamable HTTP (2026-07-28 or 2025) or the deprecated HTTP+SSE. Its tools become available to your agents."}
        </DialogDescription>
      </DialogHeader>
      <ServerFormFields form={form} errors={errors.fields} editing={server !== null} advancedOpen={advancedOpen} onAdvancedToggle={setAdvancedOpen} />
      {renamed && usage.data && usage.data.length > 0 && (
        <p className="flex items-start gap-2 rounded-md border border-info/20 bg-info/10 px-3 py-2 text-[13px] leading-5 text-info">
          <Info aria-hidden className="mt-0.5 size-4 shrink-0" />
          <span>
            Used by: {usage.data.map((a) => a.name).join(", ")} — they refer to the server by id, so they keep working.
          </span>
        </p>
      )}
      <TestConnectionPanel onTest={runTest} pending={test.isPending} outcome={test.data} disabled={saving} />
      {errors.form && (
        <p role="alert" className="flex items-start gap-2 rounded-md border border-destructive/20 bg-destructive/10 px-3 py-2 text-sm text-destructive">
          <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
          {errors.form}
        </p>
      )}
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone}>
          Cancel
        </Button>
        {usesOAuth ? (
          <Button type="button" loading={saving} onClick={addAndAuthorize}>
            {!saving && <KeyRound aria-hidden />} Add & authorize
          </Button>
        ) : (
          <Button type="submit" loading={saving}>
            {server ? "Save changes" : "Add server"}
          </Button>
        )}
      </DialogFooter>
    </form>
  );
}

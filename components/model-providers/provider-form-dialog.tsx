"use client";
// Add or edit a model provider: kind, name, base URL (required for OpenAI-compatible), API key (sent once, shown masked).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CircleAlert, TriangleAlert } from "lucide-react";
import { useEffect, useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { errorsByField, kindOptions, kindOrder, type ProviderKind, type ProviderView } from "./provider-types";

interface FormState {
  kind: ProviderKind;
  name: string;
  baseUrl: string;
  apiKey: string;
}

const blank: FormState = { kind: "openai", name: "OpenAI", baseUrl: "", apiKey: "" };

export function ProviderFormDialog({
  open,
  onOpenChange,
  provider,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** null to add a provider. */
  provider: ProviderView | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<FormState>(blank);
  const invalidate = () => queryClient.invalidateQueries(trpc.modelProviders.pathFilter());
  const create = useMutation(trpc.modelProviders.create.mutationOptions());
  const update = useMutation(trpc.modelProviders.update.mutationOptions());
  const refresh = useMutation(trpc.modelProviders.refreshModels.mutationOptions());
  const check = useMutation(trpc.modelProviders.check.mutationOptions());
  const mutation = provider ? update : create;
  const errors = errorsByField(mutation.error ?? check.error);
  // What the test before saving found wrong: shown with "Save anyway", so an unreachable provider is saved on purpose.
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    create.reset();
    update.reset();
    check.reset();
    setProblem(null);
    setForm(provider ? { kind: provider.kind, name: provider.name, baseUrl: provider.baseUrl ?? "", apiKey: provider.apiKey ?? "" } : blank);
    // Only when the dialog opens: the form is the user's from then on.
  }, [open, provider?.id]);

  // A saved key stays only while requests go to the same origin (scheme, host, port); moving it asks for the key
  // again (the server insists too: server/crypto/keep-masked-secret.ts).
  const keyKept = Boolean(provider?.apiKey) && form.apiKey === provider?.apiKey;
  function change(next: Partial<FormState>) {
    setProblem(null);
    setForm((f) => {
      const merged = { ...f, ...next };
      if (f.name === kindOptions[f.kind].label && next.kind) merged.name = kindOptions[next.kind].label;
      const moved = provider && originOf(merged.kind, merged.baseUrl) !== originOf(provider.kind, provider.baseUrl ?? "");
      if (moved && merged.apiKey === provider.apiKey) merged.apiKey = "";
      return merged;
    });
  }

  /** The connection changed (or is new): worth a test before it is saved. A rename alone is not. */
  const connectionChanged =
    !provider || form.kind !== provider.kind || form.baseUrl !== (provider.baseUrl ?? "") || form.apiKey !== (provider.apiKey ?? "");

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = { kind: form.kind, name: form.name, baseUrl: form.baseUrl || null, apiKey: form.apiKey || null };
    create.reset();
    update.reset();
    check.reset();
    if (connectionChanged) {
      const result = await check.mutateAsync({ ...input, id: provider?.id }).catch(() => null);
      if (!result) return; // the error shows on its field
      if (!result.ok) return setProblem(result.error ?? "The provider did not answer.");
    }
    await save();
  }

  async function save() {
    const input = { kind: form.kind, name: form.name, baseUrl: form.baseUrl || null, apiKey: form.apiKey || null };
    if (provider) {
      const saved = await update.mutateAsync({ id: provider.id, ...input }).catch(() => null);
      if (!saved) return; // the error shows on its field
      await invalidate();
      toast.success("Provider saved");
      onOpenChange(false);
      return;
    }
    const created = await create.mutateAsync(input).catch(() => null);
    if (!created) return;
    onOpenChange(false);
    await invalidate();
    // Most providers list their models: fetch them at once, so the provider is ready to use.
    refresh.mutate(
      { id: created.id },
      {
        onSuccess: (result) => {
          const { models, name } = result.provider;
          if (result.ok) toast.success(`${name} added with ${models.length} ${models.length === 1 ? "model" : "models"}`);
          else toast.warning(`${name} added, but its models could not be fetched`, { description: `${result.error} Add models by id instead.` });
        },
        onError: (error) => toast.warning(`${created.name} added, but its models could not be fetched`, { description: `${error.message} Add models by id instead.` }),
        onSettled: invalidate,
      },
    );
  }

  const kind = kindOptions[form.kind];
  const compatible = form.kind === "openai_compatible";
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" noValidate>
          <DialogHeader>
            <DialogTitle>{provider ? `Edit ${provider.name}` : "Add a model provider"}</DialogTitle>
            <DialogDescription>The API key is stored encrypted and only ever shown masked.</DialogDescription>
          </DialogHeader>
          <Field label="Kind" error={errors.fields.kind}>
            <NativeSelect value={form.kind} onChange={(e) => change({ kind: e.target.value as ProviderKind })}>
              {kindOrder.map((k) => (
                <option key={k} value={k}>
                  {kindOptions[k].label}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <Field label="Name" error={errors.fields.name} hint="Shown where models are chosen; unique in this workspace.">
            <Input value={form.name} onChange={(e) => change({ name: e.target.value })} required maxLength={60} autoFocus />
          </Field>
          <Field
            label="Base URL"
            optional={!compatible}
            error={errors.fields.baseUrl}
            hint={
              compatible
                ? "DeepSeek, Qwen (DashScope compatible mode), OpenRouter, Ollama, vLLM: the address that ends before /chat/completions."
                : `Leave empty for ${kind.defaultBaseUrl}. Set it to go through a proxy.`
            }
          >
            <Input
              type="url"
              inputMode="url"
              value={form.baseUrl}
              onChange={(e) => change({ baseUrl: e.target.value })}
              placeholder={compatible ? "https://api.deepseek.com/v1" : (kind.defaultBaseUrl ?? "")}
              required={compatible}
              maxLength={500}
              className="font-mono text-xs sm:text-xs"
            />
          </Field>
          <Field
            label="API key"
            optional={!kind.keyRequired}
            error={errors.fields.apiKey}
            hint={
              keyKept
                ? "The saved key is kept. Type a new one to replace it."
                : provider?.apiKey && !form.apiKey
                  ? "Enter the key again: a saved key is only kept while the kind and base URL stay the same."
                  : compatible
                    ? "Local servers such as Ollama usually need none."
                    : undefined
            }
          >
            <Input
              type="password"
              value={form.apiKey}
              onChange={(e) => change({ apiKey: e.target.value })}
              onFocus={(e) => keyKept && e.target.select()}
              autoComplete="off"
              spellCheck={false}
              required={kind.keyRequired}
              maxLength={1000}
              className="font-mono text-xs sm:text-xs"
            />
          </Field>
          {errors.form && (
            <p role="alert" className="flex items-start gap-2 rounded-md border border-destructive/20 bg-destructive/10 px-3 py-2 text-sm text-destructive">
              <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
              {errors.form}
            </p>
          )}
          {problem && (
            <div role="alert" className="grid gap-1 rounded-md border border-warning/30 bg-warning/10 px-3 py-2 text-sm">
              <p className="flex items-start gap-2 font-medium">
                <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
                The test before saving failed
              </p>
              <p className="text-[13px] leading-5 text-muted-foreground">
                {problem} Check the base URL and key, or save anyway if the provider is not reachable yet.
              </p>
            </div>
          )}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            {problem ? (
              <Button type="button" variant="outline" loading={mutation.isPending} onClick={() => void save()}>
                Save anyway
              </Button>
            ) : null}
            <Button type="submit" loading={check.isPending || (!problem && mutation.isPending)}>
              {check.isPending ? "Testing…" : problem ? "Test again" : provider ? "Save" : "Add provider"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

/** Scheme, host and port requests go to; null when there is no usable address. */
function originOf(kind: FormState["kind"], baseUrl: string): string | null {
  try {
    return new URL(baseUrl.trim() || kindOptions[kind].defaultBaseUrl || "").origin;
  } catch {
    return null;
  }
}

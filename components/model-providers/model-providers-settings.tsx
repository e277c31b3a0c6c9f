"use client";
// Settings -> Model providers: the workspace's providers as cards, the add / edit dialog, and the system model.
import { useQuery } from "@tanstack/react-query";
import { BrainCircuit, Plus } from "lucide-react";
import { useState } from "react";
import { atLeast } from "@/components/settings/role-label";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { DefaultModelCard } from "./default-model-card";
import { ProviderCard } from "./provider-card";
import { ProviderFormDialog } from "./provider-form-dialog";
import type { ProviderView } from "./provider-types";

export function ModelProvidersSettings() {
  const trpc = useTRPC();
  const current = useQuery(trpc.workspaces.current.queryOptions());
  const canManage = atLeast(current.data?.role, "admin");
  const providers = useQuery(trpc.modelProviders.list.queryOptions());
  // Kept after closing, so the dialog's title does not change while it fades out.
  const [form, setForm] = useState<{ open: boolean; provider: ProviderView | null }>({ open: false, provider: null });

  const addButton = (
    <Button onClick={() => setForm({ open: true, provider: null })}>
      <Plus aria-hidden /> Add a model provider
    </Button>
  );

  let body: React.ReactNode;
  if (providers.isPending) {
    body = (
      <div className="grid gap-4" aria-busy>
        <span className="sr-only">Loading model providers…</span>
        {[0, 1].map((i) => (
          <div key={i} className="grid gap-2 rounded-xl border bg-card p-6">
            <Skeleton className="h-5 w-1/3" />
            <Skeleton className="h-3 w-1/2" />
            <Skeleton className="h-3 w-1/4" />
          </div>
        ))}
      </div>
    );
  } else if (providers.isError) {
    body = <p className="text-sm text-destructive">{providers.error.message}</p>;
  } else if (providers.data.length === 0) {
    body = (
      <EmptyState
        icon={BrainCircuit}
        title="No model providers yet"
        description={
          canManage
            ? "Add OpenAI, Anthropic, or any OpenAI-compatible API such as DeepSeek, Qwen, OpenRouter or a local Ollama. Apps run on their models."
            : "Owners and admins of this workspace add model providers; their models then show up here and in the app editor."
        }
        action={canManage ? addButton : undefined}
      />
    );
  } else {
    body = (
      <ul className="grid gap-4" aria-label="Model providers">
        {providers.data.map((provider) => (
          <ProviderCard key={provider.id} provider={provider} canManage={canManage} onEdit={() => setForm({ open: true, provider })} />
        ))}
      </ul>
    );
  }

  return (
    <div className="grid gap-6">
      <section className="grid gap-4" aria-labelledby="model-providers-heading">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <div>
            <h2 id="model-providers-heading" className="text-base font-semibold tracking-tight">
              Model providers
            </h2>
            <p className="text-sm text-muted-foreground">The LLM APIs your apps run on. Keys are stored encrypted.</p>
          </div>
          {canManage && providers.data && providers.data.length > 0 && addButton}
        </div>
        {body}
      </section>
      <DefaultModelCard providers={providers.data} canManage={canManage} />
      <ProviderFormDialog open={form.open} onOpenChange={(open) => setForm((f) => ({ ...f, open }))} provider={form.provider} />
    </div>
  );
}

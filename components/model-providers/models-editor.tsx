"use client";
// A provider's models: fetched from the provider or added by id, each with "Tool calling" and "Vision" switches.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Plus, RefreshCw, X } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import type { EditedModel, ProviderView } from "./provider-types";

const maxModels = 500;

export function ModelsEditor({ provider, canManage }: { provider: ProviderView; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidate = () => queryClient.invalidateQueries(trpc.modelProviders.pathFilter());
  const save = useMutation(trpc.modelProviders.updateModels.mutationOptions({ onSettled: invalidate }));
  const refresh = useMutation(trpc.modelProviders.refreshModels.mutationOptions({ onSettled: invalidate }));
  const [newId, setNewId] = useState("");
  const [filter, setFilter] = useState("");
  const [addError, setAddError] = useState<string | null>(null);

  // What is being saved shows at once; a failed save falls back to the stored list on refetch.
  const models: EditedModel[] = save.isPending && save.variables ? save.variables.models : provider.models;
  const shown = filter ? models.filter((m) => m.id.toLowerCase().includes(filter.toLowerCase())) : models;
  const write = (next: EditedModel[]) => save.mutate({ id: provider.id, models: next });

  function add(event: FormEvent) {
    event.preventDefault();
    const id = newId.trim();
    if (!id) return setAddError("Enter a model id.");
    if (id.length > 200) return setAddError("Model ids are at most 200 characters.");
    if (models.some((m) => m.id === id)) return setAddError(`${id} is already listed.`);
    if (models.length >= maxModels) return setAddError(`A provider can list at most ${maxModels} models.`);
    setAddError(null);
    setNewId("");
    write([...models, { id, toolCalling: true }]);
  }

  function fetchModels() {
    refresh.mutate(
      { id: provider.id },
      {
        onSuccess: (result) => {
          if (result.ok) toast.success(`${result.provider.models.length} ${result.provider.models.length === 1 ? "model" : "models"} from ${result.provider.name}`);
        },
      },
    );
  }

  return (
    <section aria-label={`Models of ${provider.name}`} className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-[13px] text-muted-foreground">
          {canManage
            ? "Agents only offer models with tool calling. Vision models see images from tools; the others get a short note instead."
            : "Models with tool calling can run agents; vision models see images from tools."}
        </p>
        {canManage && (
          <Button variant="outline" size="sm" onClick={fetchModels} loading={refresh.isPending}>
            {!refresh.isPending && <RefreshCw aria-hidden />} Fetch models
          </Button>
        )}
      </div>
      {(refresh.isError || refresh.data?.ok === false) && (
        <p role="alert" className="text-[13px] leading-5 text-destructive">
          Could not fetch models: {refresh.error?.message ?? (refresh.data?.ok === false ? refresh.data.error : "")}
        </p>
      )}
      {save.isError && (
        <p role="alert" className="text-[13px] leading-5 text-destructive">
          The change was not saved: {save.error.message}
        </p>
      )}
      {models.length > 8 && (
        <Input value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={`Filter ${models.length} models…`} aria-label="Filter models" className="h-8" />
      )}
      {models.length === 0 ? (
        <p className="rounded-md border border-dashed px-3 py-4 text-center text-[13px] text-muted-foreground">
          No models yet.{canManage ? " Fetch them from the provider, or add one by id below." : " An owner or admin can add them."}
        </p>
      ) : (
        <ul className="max-h-80 divide-y overflow-y-auto rounded-md border" aria-label="Models">
          {shown.map((model) => (
            <li key={model.id} className="flex items-center gap-3 px-3 py-1.5">
              <span className="min-w-0 flex-1 truncate font-mono text-xs" title={model.id}>
                {model.id}
              </span>
              <label className="flex items-center gap-2 text-xs text-muted-foreground">
                Vision
                <Switch
                  checked={model.vision ?? false}
                  disabled={!canManage}
                  aria-label={`Vision for ${model.id}`}
                  onCheckedChange={(checked) => write(models.map((m) => (m.id === model.id ? { ...m, vision: checked } : m)))}
                />
              </label>
              <label className="flex items-center gap-2 text-xs text-muted-foreground">
                Tool calling
                <Switch
                  checked={model.toolCalling}
                  disabled={!canManage}
                  aria-label={`Tool calling for ${model.id}`}
                  onCheckedChange={(checked) => write(models.map((m) => (m.id === model.id ? { ...m, toolCalling: checked } : m)))}
                />
              </label>
              {canManage && (
                <Button variant="ghost" size="icon-sm" aria-label={`Remove ${model.id}`} onClick={() => write(models.filter((m) => m.id !== model.id))}>
                  <X aria-hidden />
                </Button>
              )}
            </li>
          ))}
          {shown.length === 0 && <li className="px-3 py-3 text-center text-[13px] text-muted-foreground">No model matches “{filter}”.</li>}
        </ul>
      )}
      {canManage && (
        <form onSubmit={add} className="grid gap-1.5">
          <div className="flex gap-2">
            <Input
              value={newId}
              onChange={(e) => setNewId(e.target.value)}
              placeholder="Model id, e.g. deepseek-chat"
              aria-label="Model id to add"
              aria-invalid={addError ? true : undefined}
              maxLength={200}
              className="h-8 font-mono text-xs sm:text-xs"
            />
            <Button type="submit" variant="outline" size="sm" disabled={save.isPending}>
              <Plus aria-hidden /> Add model
            </Button>
          </div>
          {addError && <p className="text-[13px] text-destructive">{addError}</p>}
        </form>
      )}
    </section>
  );
}

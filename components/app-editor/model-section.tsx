"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import type { ModelChoice } from "@/server/apps/app-config";

/** Provider and model in one select ("providerId::model"), then temperature and max tokens. */
export function ModelSection({
  value,
  onChange,
  needsTools,
  disabled,
}: {
  value: ModelChoice | null;
  onChange: (next: ModelChoice | null) => void;
  needsTools: boolean;
  disabled?: boolean;
}) {
  const trpc = useTRPC();
  const providers = useQuery(trpc.modelProviders.list.queryOptions());
  const selected = value ? `${value.providerId}::${value.model}` : "";
  const known = providers.data?.some((p) => p.id === value?.providerId && p.models.some((m) => m.id === value?.model));

  if (providers.data && providers.data.length === 0) {
    return (
      <p className="text-sm text-muted-foreground">
        No model providers yet.{" "}
        <Link href="/settings/model-providers" className="font-medium text-foreground underline underline-offset-4">
          Add one in Settings
        </Link>{" "}
        to choose a model.
      </p>
    );
  }

  return (
    <div className="grid gap-3 sm:grid-cols-[1fr_8rem_8rem]">
      <Field label="Model" hint={needsTools ? "Agents need a model with tool calling." : undefined}>
        <NativeSelect
          value={selected}
          disabled={disabled || providers.isPending}
          onChange={(e) => {
            const [providerId, ...rest] = e.target.value.split("::");
            onChange(providerId ? { providerId, model: rest.join("::"), temperature: value?.temperature ?? null, maxTokens: value?.maxTokens ?? null } : null);
          }}
        >
          <option value="">Choose a model…</option>
          {value && !known && <option value={selected}>{value.model} (unavailable)</option>}
          {providers.data?.map((provider) => (
            <optgroup key={provider.id} label={provider.name}>
              {provider.models.map((model) => (
                <option key={model.id} value={`${provider.id}::${model.id}`} disabled={needsTools && !model.toolCalling}>
                  {model.id}
                  {needsTools && !model.toolCalling ? " (no tool calling)" : ""}
                </option>
              ))}
            </optgroup>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Temperature">
        <Input
          type="number"
          min={0}
          max={2}
          step={0.1}
          placeholder="Default"
          disabled={disabled || !value}
          value={value?.temperature ?? ""}
          onChange={(e) => value && onChange({ ...value, temperature: e.target.value === "" ? null : Math.min(2, Math.max(0, Number(e.target.value))) })}
        />
      </Field>
      <Field label="Max tokens">
        <Input
          type="number"
          min={1}
          step={1}
          placeholder="Default"
          disabled={disabled || !value}
          value={value?.maxTokens ?? ""}
          onChange={(e) => value && onChange({ ...value, maxTokens: e.target.value === "" ? null : Math.max(1, Math.round(Number(e.target.value))) })}
        />
      </Field>
    </div>
  );
}

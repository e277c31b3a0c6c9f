"use client";
// System model settings: the provider and model every new app starts with.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import type { ProviderView } from "./provider-types";

export function DefaultModelCard({ providers, canManage }: { providers: ProviderView[] | undefined; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.modelProviders.getDefaultModel.queryOptions());
  const set = useMutation(
    trpc.modelProviders.setDefaultModel.mutationOptions({
      onSuccess: (saved) => {
        queryClient.setQueryData(trpc.modelProviders.getDefaultModel.queryKey(), saved);
        toast.success(saved ? `New apps start with ${saved.model}` : "New apps start without a model");
      },
    }),
  );
  const withModels = providers?.filter((p) => p.models.length > 0) ?? [];
  const value = current.data ? `${current.data.providerId}::${current.data.model}` : "";

  let body: React.ReactNode;
  if (current.isPending || !providers) {
    body = <Skeleton className="h-9 w-full max-w-md" />;
  } else if (current.isError) {
    body = <p className="text-sm text-destructive">{current.error.message}</p>;
  } else if (withModels.length === 0 && !current.data) {
    body = <p className="text-sm text-muted-foreground">Add a model provider with at least one model, then choose the system model here.</p>;
  } else {
    body = (
      <Field
        label="Default model"
        className="max-w-md"
        error={set.error?.message ?? (current.data && !current.data.available ? `${current.data.model} is no longer listed by ${current.data.providerName ?? "its provider"}. Choose another.` : undefined)}
        hint={canManage ? undefined : "Owners and admins choose the system model."}
      >
        <NativeSelect
          value={value}
          disabled={!canManage || set.isPending}
          onChange={(e) => {
            const [providerId, ...rest] = e.target.value.split("::");
            set.mutate(providerId ? { providerId, model: rest.join("::") } : null);
          }}
        >
          <option value="">None: new apps start without a model</option>
          {current.data && !current.data.available && <option value={value}>{current.data.model} (unavailable)</option>}
          {withModels.map((provider) => (
            <optgroup key={provider.id} label={provider.name}>
              {provider.models.map((model) => (
                <option key={model.id} value={`${provider.id}::${model.id}`}>
                  {model.id}
                  {model.toolCalling ? "" : " (no tool calling)"}
                </option>
              ))}
            </optgroup>
          ))}
        </NativeSelect>
      </Field>
    );
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">System model</CardTitle>
        <CardDescription>New apps start with this model. Apps you already made keep the model they have.</CardDescription>
      </CardHeader>
      <CardContent>{body}</CardContent>
    </Card>
  );
}

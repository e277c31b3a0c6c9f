"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { McpServerView } from "./mcp-server-types";

type Target = { server: McpServerView; apps: { id: string; name: string }[] };

/** Remove, after loading which apps use the server so the confirmation can name them. */
export function useRemoveServer({ onRemoved }: { onRemoved?: (id: string) => void } = {}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [target, setTarget] = useState<Target | null>(null);
  const [checking, setChecking] = useState<string | null>(null);
  const remove = useMutation(trpc.mcpServers.delete.mutationOptions());

  async function request(server: McpServerView) {
    setChecking(server.id);
    try {
      const apps = await queryClient.fetchQuery({ ...trpc.mcpServers.usage.queryOptions({ id: server.id }), staleTime: 0 });
      setTarget({ server, apps });
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "Could not check which apps use this server.");
    } finally {
      setChecking(null);
    }
  }

  const apps = target?.apps ?? [];
  const dialog = (
    <ConfirmDialog
      open={target !== null}
      onOpenChange={(open) => !open && setTarget(null)}
      title={`Remove ${target?.server.name ?? "this server"}?`}
      description={
        apps.length > 0
          ? `Used by: ${apps.map((a) => a.name).join(", ")}. Their tools from this server will stop working until you pick other tools.`
          : "No app uses this server. Its settings and saved headers are deleted; this cannot be undone."
      }
      confirmLabel="Remove server"
      destructive
      onConfirm={async () => {
        if (!target) return;
        await remove.mutateAsync({ id: target.server.id });
        await queryClient.invalidateQueries(trpc.mcpServers.list.queryFilter());
        toast.success(`${target.server.name} removed`);
        onRemoved?.(target.server.id);
      }}
    />
  );

  return { request, checking, dialog };
}

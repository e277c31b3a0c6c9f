"use client";
// What every way of making an app (blank, from a template, from a file) does with the new app: the apps list learns
// of it, the dialog closes, and the editor opens on it.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/trpc/trpc-provider";

export function useOpenNewApp(closeDialog: () => void) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  return async (app: { id: string }) => {
    await queryClient.invalidateQueries(trpc.apps.list.queryFilter());
    closeDialog();
    router.push(`/apps/${app.id}`);
  };
}

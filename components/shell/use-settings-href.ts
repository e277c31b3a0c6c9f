"use client";
// Settings opens where the missing setup step is: on Model providers while the workspace has none, else General.
import { useQuery } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";

export function useSettingsHref(workspaceId: string): string {
  const trpc = useTRPC();
  const pathname = usePathname();
  const checklist = useQuery({ ...trpc.workspaces.checklist.queryOptions(), enabled: workspaceId !== "" });
  const { refetch } = checklist;
  const shownAt = useRef(pathname);
  // A provider is added on a settings page; read again after each navigation so the link follows.
  useEffect(() => {
    if (shownAt.current === pathname || workspaceId === "") return;
    shownAt.current = pathname;
    void refetch();
  }, [pathname, workspaceId, refetch]);
  return checklist.data?.settingsHref ?? "/settings";
}

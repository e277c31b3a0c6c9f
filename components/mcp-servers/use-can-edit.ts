"use client";
import { useQuery } from "@tanstack/react-query";
import { atLeast } from "@/components/settings/role-label";
import { useTRPC } from "@/components/trpc/trpc-provider";

/** Editors and above manage MCP servers; members only read them. The server still decides. */
export function useCanEdit() {
  const trpc = useTRPC();
  const current = useQuery(trpc.workspaces.current.queryOptions());
  return atLeast(current.data?.role, "editor");
}

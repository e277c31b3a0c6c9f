"use client";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { RoleName } from "./role-label";

/**
 * Said in a confirmation before removing a member (no role) or lowering their role: how many of the API keys they
 * made will be revoked with it. Mounted only while the dialog is open, so the count is fresh.
 */
export function KeysAtStake({ userId, role }: { userId: string; role?: RoleName }) {
  const trpc = useTRPC();
  const count = useQuery({ ...trpc.members.countKeys.queryOptions({ userId, role }), staleTime: 0 });
  if (count.isPending) return <span className="block">Checking their API keys…</span>;
  if (count.isError) return <span className="block">Any API keys they made above that role will be revoked.</span>;
  const n = count.data.count;
  if (n === 0) return <span className="block">They made no API keys that this affects.</span>;
  return (
    <span className="block font-medium text-foreground">
      {n === 1 ? "Their API key" : `Their ${n} API keys`}
      {role ? ` above the ${role} role` : ""} will be revoked.
    </span>
  );
}

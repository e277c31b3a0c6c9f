"use client";
// "Only these people": the workspace's members, each with a box to tick. Only members can be chosen (the server
// refuses anyone else), so the list is the member list.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Checkbox } from "@/components/ui/checkbox";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";

export function PeoplePicker({ chosen, onChange, disabled }: { chosen: string[]; onChange(next: string[]): void; disabled?: boolean }) {
  const trpc = useTRPC();
  const members = useQuery(trpc.members.list.queryOptions());
  const toggle = (userId: string, on: boolean) => onChange(on ? [...chosen, userId] : chosen.filter((id) => id !== userId));

  if (members.isPending) return <Skeleton className="h-16" />;
  if (members.isError) return <p className="text-sm text-destructive">{members.error.message}</p>;
  return (
    <fieldset className="grid gap-1" disabled={disabled}>
      <legend className="mb-1 text-[13px] text-muted-foreground">
        {chosen.length === 0 ? "Tick the people who may sign in." : `${chosen.length} of ${members.data.length} members may sign in.`}
      </legend>
      <ul className="grid max-h-64 gap-1 overflow-y-auto rounded-lg border p-2" aria-label="Workspace members">
        {members.data.map((m) => {
          const id = `person-${m.userId}`;
          return (
            <li key={m.userId} className="flex min-w-0 items-center gap-3 rounded-md px-2 py-1.5 hover:bg-accent/50">
              <Checkbox id={id} checked={chosen.includes(m.userId)} onCheckedChange={(v) => toggle(m.userId, v === true)} disabled={disabled} />
              <Label htmlFor={id} className="min-w-0 flex-1 cursor-pointer font-normal">
                <span className="block truncate">{m.name || m.email}</span>
                {m.name && <span className="block truncate text-xs text-muted-foreground">{m.email}</span>}
              </Label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

"use client";

import { useTransition } from "react";
import { Check, ChevronsUpDown, LoaderCircle, Plus } from "lucide-react";
import { cn } from "@/components/ui/cn";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { CreateWorkspaceAction, ShellWorkspace, SwitchWorkspaceAction } from "./types";

export type WorkspaceSwitcherProps = {
  workspaces: ShellWorkspace[];
  currentWorkspaceId: string;
  onSwitchWorkspace?: SwitchWorkspaceAction;
  /** When given, a "Create workspace" item is shown that calls it. */
  onCreateWorkspace?: CreateWorkspaceAction;
};

const roleLabel: Record<ShellWorkspace["role"], string> = {
  owner: "Owner",
  admin: "Admin",
  editor: "Editor",
  member: "Member",
};

export function WorkspaceSwitcher({
  workspaces,
  currentWorkspaceId,
  onSwitchWorkspace,
  onCreateWorkspace,
}: WorkspaceSwitcherProps) {
  const [pending, startTransition] = useTransition();
  const current = workspaces.find((w) => w.id === currentWorkspaceId);

  function select(id: string) {
    if (id === currentWorkspaceId || !onSwitchWorkspace) return;
    // A transition keeps the old workspace on screen (with a spinner) until
    // the action and any refresh it triggers have finished.
    startTransition(async () => {
      await onSwitchWorkspace(id);
    });
  }

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        aria-label={
          pending
            ? "Switching workspace…"
            : current
              ? `Workspace: ${current.name}. Switch workspace`
              : "Choose a workspace"
        }
        aria-busy={pending || undefined}
        className={cn(
          "group flex w-full cursor-pointer items-center gap-2.5 rounded-lg px-2 py-1.5 text-left",
          "transition-colors hover:bg-accent data-[state=open]:bg-accent",
          "focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring",
        )}
      >
        <WorkspaceTile name={current?.name ?? "?"} />
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-medium leading-5">
            {current?.name ?? "Choose a workspace"}
          </span>
          {current && (
            <span className="block text-xs leading-4 text-muted-foreground">{roleLabel[current.role]}</span>
          )}
        </span>
        {pending ? (
          <LoaderCircle aria-hidden className="size-4 shrink-0 animate-spin text-muted-foreground" />
        ) : (
          <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-muted-foreground group-hover:text-foreground" />
        )}
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-(--radix-dropdown-menu-trigger-width) min-w-60">
        <DropdownMenuLabel>Workspaces</DropdownMenuLabel>
        {workspaces.map((w) => {
          const isCurrent = w.id === currentWorkspaceId;
          return (
            <DropdownMenuItem
              key={w.id}
              onSelect={() => select(w.id)}
              aria-current={isCurrent ? "true" : undefined}
              className="gap-2.5"
            >
              <WorkspaceTile name={w.name} small />
              <span className="min-w-0 flex-1 truncate">{w.name}</span>
              <span className="text-xs text-muted-foreground">{roleLabel[w.role]}</span>
              <Check
                aria-hidden
                className={cn("size-4 text-foreground", isCurrent ? "opacity-100" : "opacity-0")}
              />
            </DropdownMenuItem>
          );
        })}
        {onCreateWorkspace && (
          <>
            <DropdownMenuSeparator />
            <DropdownMenuItem onSelect={() => startTransition(async () => onCreateWorkspace())}>
              <span className="flex size-5 items-center justify-center rounded-md border border-dashed">
                <Plus className="size-3.5" />
              </span>
              Create workspace
            </DropdownMenuItem>
          </>
        )}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

/** A square with the workspace's initial; stands in for a workspace logo. */
function WorkspaceTile({ name, small = false }: { name: string; small?: boolean }) {
  return (
    <span
      aria-hidden
      className={cn(
        "flex shrink-0 items-center justify-center rounded-md bg-gradient-to-br from-zinc-700 to-zinc-900 font-semibold text-white shadow-xs",
        "dark:from-zinc-200 dark:to-zinc-400 dark:text-zinc-900",
        small ? "size-5 text-[10px]" : "size-7 text-xs",
      )}
    >
      {name.trim().charAt(0).toUpperCase() || "?"}
    </span>
  );
}

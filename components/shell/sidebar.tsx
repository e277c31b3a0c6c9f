"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useSettingsHref } from "./use-settings-href";
import { LayoutGrid, Settings, Wrench, type LucideIcon } from "lucide-react";
import { cn } from "@/components/ui/cn";
import { AccountMenu } from "./account-menu";
import { Logo } from "./logo";
import type {
  CreateWorkspaceAction,
  ShellUser,
  ShellWorkspace,
  SignOutAction,
  SwitchWorkspaceAction,
} from "./types";
import { WorkspaceSwitcher } from "./workspace-switcher";

const navItems: { href: string; label: string; icon: LucideIcon }[] = [
  { href: "/apps", label: "Apps", icon: LayoutGrid },
  { href: "/tools", label: "Tools", icon: Wrench },
  { href: "/settings", label: "Settings", icon: Settings },
];

export type SidebarProps = {
  user: ShellUser;
  workspaces: ShellWorkspace[];
  currentWorkspaceId: string;
  onSwitchWorkspace?: SwitchWorkspaceAction;
  onCreateWorkspace?: CreateWorkspaceAction;
  signOutAction?: SignOutAction;
  /** Called when a nav link is clicked; the mobile drawer closes itself with it. */
  onNavigate?: () => void;
  className?: string;
};

export function Sidebar({
  user,
  workspaces,
  currentWorkspaceId,
  onSwitchWorkspace,
  onCreateWorkspace,
  signOutAction,
  onNavigate,
  className,
}: SidebarProps) {
  const pathname = usePathname();
  const settingsHref = useSettingsHref(currentWorkspaceId);

  return (
    <div className={cn("flex h-full w-full flex-col bg-sidebar", className)}>
      <div className="flex h-14 shrink-0 items-center px-4">
        <Link
          href="/apps"
          onClick={onNavigate}
          className="rounded-md focus-visible:outline-offset-4"
          aria-label="Switchyard home"
        >
          <Logo />
        </Link>
      </div>

      <div className="px-2 pb-2">
        <WorkspaceSwitcher
          workspaces={workspaces}
          currentWorkspaceId={currentWorkspaceId}
          onSwitchWorkspace={onSwitchWorkspace}
          onCreateWorkspace={onCreateWorkspace}
        />
      </div>

      <nav aria-label="Main" className="flex-1 overflow-y-auto px-2 py-2">
        <ul className="flex flex-col gap-0.5">
          {navItems.map(({ href, label, icon: Icon }) => {
            // Prefix match so /apps/123/runs still highlights Apps.
            const active = pathname === href || pathname.startsWith(`${href}/`);
            return (
              <li key={href}>
                <Link
                  href={href === "/settings" ? settingsHref : href}
                  onClick={onNavigate}
                  aria-current={active ? "page" : undefined}
                  className={cn(
                    "flex h-8 items-center gap-2.5 rounded-md px-2 text-sm font-medium transition-colors max-md:h-10",
                    "focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring",
                    active
                      ? "bg-accent text-foreground shadow-[inset_0_0_0_1px_var(--color-border)]"
                      : "text-muted-foreground hover:bg-accent/70 hover:text-foreground",
                  )}
                >
                  <Icon
                    aria-hidden
                    className={cn("size-4 shrink-0", active ? "text-primary dark:text-info" : "text-current")}
                  />
                  {label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>

      <div className="shrink-0 border-t p-2">
        <AccountMenu user={user} signOutAction={signOutAction} />
      </div>
    </div>
  );
}

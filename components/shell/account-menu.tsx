"use client";

import Link from "next/link";
import { useRef } from "react";
import { useTheme } from "next-themes";
import { ChevronsUpDown, LogOut, MonitorSmartphone, SunMoon } from "lucide-react";
import { cn } from "@/components/ui/cn";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuSub,
  DropdownMenuSubContent,
  DropdownMenuSubTrigger,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { themeOptions, useMounted } from "@/components/theme/theme-toggle";
import type { ShellUser, SignOutAction } from "./types";

export type AccountMenuProps = {
  user: ShellUser;
  /** Submitted through a hidden <form action>, so a server action works as is. */
  signOutAction?: SignOutAction;
  /** "full": avatar, name and email (sidebar). "compact": avatar only (mobile top bar). */
  variant?: "full" | "compact";
};

export function AccountMenu({ user, signOutAction, variant = "full" }: AccountMenuProps) {
  const signOutForm = useRef<HTMLFormElement>(null);
  const displayName = user.name?.trim() || user.email;
  const compact = variant === "compact";

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger
          aria-label={`Account: ${displayName}`}
          className={cn(
            "group flex cursor-pointer items-center text-left transition-colors",
            "focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-ring",
            compact
              ? "rounded-full"
              : "w-full gap-2.5 rounded-lg px-2 py-1.5 hover:bg-accent data-[state=open]:bg-accent",
          )}
        >
          <Avatar user={user} />
          {!compact && (
            <>
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm font-medium leading-5">{displayName}</span>
                {user.name && (
                  <span className="block truncate text-xs leading-4 text-muted-foreground">{user.email}</span>
                )}
              </span>
              <ChevronsUpDown aria-hidden className="size-4 shrink-0 text-muted-foreground group-hover:text-foreground" />
            </>
          )}
        </DropdownMenuTrigger>
        <DropdownMenuContent
          side={compact ? "bottom" : "top"}
          align={compact ? "end" : "start"}
          className={cn("min-w-56", !compact && "w-(--radix-dropdown-menu-trigger-width)")}
        >
          <DropdownMenuLabel className="flex flex-col gap-0.5 py-2 font-normal">
            <span className="truncate text-sm font-medium text-foreground">{displayName}</span>
            {user.name && <span className="truncate text-xs text-muted-foreground">{user.email}</span>}
          </DropdownMenuLabel>
          <DropdownMenuSeparator />
          <DropdownMenuItem asChild>
            <Link href="/account">
              <MonitorSmartphone />
              Account and sessions
            </Link>
          </DropdownMenuItem>
          <ThemeSubmenu />
          {signOutAction && (
            <>
              <DropdownMenuSeparator />
              <DropdownMenuItem onSelect={() => signOutForm.current?.requestSubmit()}>
                <LogOut />
                Sign out
              </DropdownMenuItem>
            </>
          )}
        </DropdownMenuContent>
      </DropdownMenu>
      {/* Outside the menu: the menu unmounts its items on select, which could
          cancel a submit started from inside it. */}
      {signOutAction && <form ref={signOutForm} action={signOutAction} hidden />}
    </>
  );
}

/** Light / Dark / System as radio items: a segmented control inside a menu
 *  would not be reachable with the menu's arrow-key navigation. */
function ThemeSubmenu() {
  const { theme, setTheme } = useTheme();
  const mounted = useMounted();
  return (
    <DropdownMenuSub>
      <DropdownMenuSubTrigger>
        <SunMoon />
        Theme
      </DropdownMenuSubTrigger>
      <DropdownMenuSubContent className="min-w-36">
        <DropdownMenuRadioGroup value={mounted ? (theme ?? "system") : ""} onValueChange={setTheme}>
          {themeOptions.map(({ value, label, icon: Icon }) => (
            <DropdownMenuRadioItem key={value} value={value}>
              <Icon />
              {label}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuSubContent>
    </DropdownMenuSub>
  );
}

function Avatar({ user }: { user: ShellUser }) {
  return (
    <span
      aria-hidden
      className="flex size-7 shrink-0 items-center justify-center rounded-full bg-primary/12 text-[11px] font-semibold text-info ring-1 ring-primary/20 ring-inset"
    >
      {initials(user)}
    </span>
  );
}

/** "Ada Lovelace" -> "AL"; no name -> first letter of the email. */
function initials({ name, email }: ShellUser): string {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return email.charAt(0).toUpperCase();
  const first = words[0].charAt(0);
  const last = words.length > 1 ? words[words.length - 1].charAt(0) : "";
  return (first + last).toUpperCase();
}

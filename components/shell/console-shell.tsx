"use client";

import { useEffect, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { Dialog } from "radix-ui";
import { Menu, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { AccountMenu } from "./account-menu";
import { Logo } from "./logo";
import { Sidebar, type SidebarProps } from "./sidebar";

export type ConsoleShellProps = Omit<SidebarProps, "onNavigate" | "className"> & {
  children: ReactNode;
};

// Tailwind's `md` breakpoint: at and above it the sidebar is always shown.
const DESKTOP_QUERY = "(min-width: 48rem)";

/**
 * The signed-in console chrome. Desktop (md and up): a fixed 240px sidebar.
 * Phones: a sticky top bar whose menu button opens the same sidebar as a
 * left drawer (a Radix Dialog: focus trap, Escape, scroll lock), which closes
 * on navigation or when the window grows past md.
 */
export function ConsoleShell({ children, ...sidebarProps }: ConsoleShellProps) {
  const [drawerOpen, setDrawerOpen] = useState(false);
  const pathname = usePathname();

  // Close the drawer when the route changes (e.g. after a workspace switch redirects).
  // Adjusting state during render, per React's "you might not need an effect".
  const [lastPathname, setLastPathname] = useState(pathname);
  if (pathname !== lastPathname) {
    setLastPathname(pathname);
    setDrawerOpen(false);
  }

  useEffect(() => {
    const query = window.matchMedia(DESKTOP_QUERY);
    const onChange = () => query.matches && setDrawerOpen(false);
    query.addEventListener("change", onChange);
    return () => query.removeEventListener("change", onChange);
  }, []);

  return (
    <div className="min-h-dvh bg-background">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-[60] focus:rounded-md focus:bg-popover focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:shadow-lg"
      >
        Skip to content
      </a>

      <aside className="fixed inset-y-0 left-0 z-30 hidden w-60 border-r md:flex">
        <Sidebar {...sidebarProps} />
      </aside>

      <Dialog.Root open={drawerOpen} onOpenChange={setDrawerOpen}>
        <header className="sticky top-0 z-30 flex h-14 items-center gap-1 border-b bg-background/85 px-2 backdrop-blur-md supports-[backdrop-filter]:bg-background/70 md:hidden">
          <Dialog.Trigger asChild>
            <Button variant="ghost" size="icon" aria-label="Open navigation">
              <Menu aria-hidden className="size-5" />
            </Button>
          </Dialog.Trigger>
          <Logo className="ml-1" />
          <div className="ml-auto pr-1">
            <AccountMenu user={sidebarProps.user} signOutAction={sidebarProps.signOutAction} variant="compact" />
          </div>
        </header>

        <Dialog.Portal>
          <Dialog.Overlay className="fixed inset-0 z-40 bg-black/40 data-[state=closed]:animate-fade-out data-[state=open]:animate-fade-in md:hidden dark:bg-black/60" />
          <Dialog.Content
            aria-describedby={undefined}
            className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] border-r shadow-2xl focus:outline-none data-[state=closed]:animate-slide-out-left data-[state=open]:animate-slide-in-left md:hidden"
          >
            <Dialog.Title className="sr-only">Navigation</Dialog.Title>
            <Sidebar {...sidebarProps} onNavigate={() => setDrawerOpen(false)} />
            <Dialog.Close asChild>
              <Button variant="ghost" size="icon-sm" aria-label="Close navigation" className="absolute right-2 top-3">
                <X aria-hidden />
              </Button>
            </Dialog.Close>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>

      <div className="md:pl-60">
        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-6xl px-4 py-6 focus:outline-none sm:px-6 sm:py-8 lg:px-10 lg:py-10"
        >
          {children}
        </main>
      </div>
    </div>
  );
}

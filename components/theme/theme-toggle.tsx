"use client";

import { useSyncExternalStore } from "react";
import { useTheme } from "next-themes";
import { RadioGroup } from "radix-ui";
import { Monitor, Moon, Sun } from "lucide-react";
import { cn } from "@/components/ui/cn";

export const themeOptions = [
  { value: "light", label: "Light", icon: Sun },
  { value: "dark", label: "Dark", icon: Moon },
  { value: "system", label: "System", icon: Monitor },
] as const;

const subscribe = () => () => {};

/** True after hydration. The stored theme is unknown on the server, so
 *  rendering it before then would mismatch. */
export function useMounted(): boolean {
  return useSyncExternalStore(subscribe, () => true, () => false);
}

/**
 * Light / Dark / System as a segmented control (a radio group: arrow keys move
 * between options). For use in menus, see the radio submenu in account-menu.
 */
export function ThemeToggle({ className, showLabels = false }: { className?: string; showLabels?: boolean }) {
  const { theme, setTheme } = useTheme();
  const mounted = useMounted();

  return (
    <RadioGroup.Root
      aria-label="Theme"
      // "" checks nothing until the stored theme is known.
      value={mounted ? (theme ?? "system") : ""}
      onValueChange={setTheme}
      orientation="horizontal"
      className={cn("inline-flex h-8 items-center gap-0.5 rounded-lg border bg-muted/60 p-0.5", className)}
    >
      {themeOptions.map(({ value, label, icon: Icon }) => (
        <RadioGroup.Item
          key={value}
          value={value}
          aria-label={showLabels ? undefined : label}
          title={label}
          className={cn(
            "inline-flex h-full cursor-pointer items-center justify-center gap-1.5 rounded-md px-2 text-xs font-medium text-muted-foreground",
            "transition-colors hover:text-foreground",
            "focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring",
            "data-[state=checked]:bg-background data-[state=checked]:text-foreground data-[state=checked]:shadow-xs",
            "dark:data-[state=checked]:bg-input/50",
          )}
        >
          <Icon aria-hidden className="size-3.5" />
          {showLabels && label}
        </RadioGroup.Item>
      ))}
    </RadioGroup.Root>
  );
}

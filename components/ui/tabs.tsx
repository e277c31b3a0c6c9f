import type { ComponentProps } from "react";
import { Tabs as TabsPrimitive } from "radix-ui";
import { cn } from "./cn";

export const Tabs = TabsPrimitive.Root;

export type TabsListProps = ComponentProps<typeof TabsPrimitive.List> & {
  /** "segmented": pill buttons in a tray (filters, small views).
   *  "line": underlined tabs across a page (an app's Overview / Runs / Settings). */
  variant?: "segmented" | "line";
};

// The variant is set as a data attribute on the list and read by triggers
// through a named group, so triggers need no React context.
export function TabsList({ className, variant = "segmented", ...props }: TabsListProps) {
  return (
    <TabsPrimitive.List
      data-variant={variant}
      className={cn(
        "group/tabs inline-flex items-center",
        // Wider than the screen (four clients' names on a phone), the tray scrolls inside itself.
        variant === "segmented" && "h-9 max-w-full gap-1 overflow-x-auto rounded-lg bg-muted p-1 max-sm:h-11",
        // An inset shadow, not a border: the active underline must paint over it,
        // and overflow-x (for narrow screens) would clip anything below the box.
        variant === "line" && "w-full gap-4 overflow-x-auto shadow-[inset_0_-1px_0_var(--color-border)] sm:gap-6",
        className,
      )}
      {...props}
    />
  );
}

export function TabsTrigger({ className, ...props }: ComponentProps<typeof TabsPrimitive.Trigger>) {
  return (
    <TabsPrimitive.Trigger
      className={cn(
        "inline-flex shrink-0 cursor-pointer items-center justify-center gap-1.5 whitespace-nowrap text-sm font-medium text-muted-foreground",
        "transition-[color,background-color,box-shadow] duration-150 hover:text-foreground",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        "disabled:pointer-events-none disabled:opacity-50 [&_svg]:size-4",
        // segmented
        "group-data-[variant=segmented]/tabs:h-7 max-sm:group-data-[variant=segmented]/tabs:h-9 group-data-[variant=segmented]/tabs:rounded-md group-data-[variant=segmented]/tabs:px-3",
        // Inset ring here too: the tray scrolls on phones and would clip an outline drawn outside.
        "group-data-[variant=segmented]/tabs:focus-visible:-outline-offset-2",
        "group-data-[variant=segmented]/tabs:data-[state=active]:bg-background group-data-[variant=segmented]/tabs:data-[state=active]:text-foreground group-data-[variant=segmented]/tabs:data-[state=active]:shadow-sm",
        "dark:group-data-[variant=segmented]/tabs:data-[state=active]:bg-input/40",
        // line
        "group-data-[variant=line]/tabs:relative group-data-[variant=line]/tabs:h-10 group-data-[variant=line]/tabs:rounded-md group-data-[variant=line]/tabs:px-1",
        // Inset ring: the scrolling list would clip an outline drawn outside.
        "group-data-[variant=line]/tabs:focus-visible:-outline-offset-2",
        "group-data-[variant=line]/tabs:after:absolute group-data-[variant=line]/tabs:after:inset-x-0 group-data-[variant=line]/tabs:after:bottom-0 group-data-[variant=line]/tabs:after:h-0.5 group-data-[variant=line]/tabs:after:rounded-full",
        "group-data-[variant=line]/tabs:data-[state=active]:text-foreground group-data-[variant=line]/tabs:data-[state=active]:after:bg-foreground",
        className,
      )}
      {...props}
    />
  );
}

export function TabsContent({ className, ...props }: ComponentProps<typeof TabsPrimitive.Content>) {
  return (
    <TabsPrimitive.Content
      className={cn("mt-4 min-w-0 focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-ring", className)}
      {...props}
    />
  );
}

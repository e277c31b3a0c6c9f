import type { ComponentProps } from "react";
import { cn } from "./cn";

/** A native <label>: no client JS needed, and clicking it focuses the control. */
export function Label({ className, ...props }: ComponentProps<"label">) {
  return (
    <label
      className={cn(
        "text-sm font-medium leading-5 text-foreground select-none",
        "peer-disabled:cursor-not-allowed peer-disabled:opacity-60",
        className,
      )}
      {...props}
    />
  );
}

import type { ComponentProps } from "react";
import { cn } from "./cn";

/** Shared by Input, Textarea and NativeSelect so all controls line up. */
export const controlClasses = cn(
  "w-full min-w-0 rounded-md border border-input bg-transparent text-foreground shadow-xs dark:bg-input/20",
  // 16px on phones stops iOS Safari zooming into a focused field; 14px from sm up.
  "text-base sm:text-sm",
  "placeholder:text-muted-foreground/80",
  "transition-[border-color,box-shadow] duration-150 outline-none",
  "focus-visible:border-ring focus-visible:ring-3 focus-visible:ring-ring/25",
  "aria-invalid:border-destructive aria-invalid:focus-visible:ring-destructive/20",
  "disabled:cursor-not-allowed disabled:bg-muted/50 disabled:opacity-60",
);

export function Input({ className, type = "text", ...props }: ComponentProps<"input">) {
  return (
    <input
      type={type}
      className={cn(
        controlClasses,
        "h-9 px-3 py-1 max-sm:h-10",
        "file:mr-3 file:border-0 file:bg-transparent file:text-sm file:font-medium file:text-foreground",
        className,
      )}
      {...props}
    />
  );
}

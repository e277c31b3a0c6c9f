import type { ComponentProps } from "react";
import { RadioGroup as RadioPrimitive } from "radix-ui";
import { cn } from "./cn";

/** A set of choices where one applies (role="radiogroup"); arrow keys move between them. */
export function RadioGroup({ className, ...props }: ComponentProps<typeof RadioPrimitive.Root>) {
  return <RadioPrimitive.Root className={cn("grid gap-2", className)} {...props} />;
}

/** One round choice; pair with <Label htmlFor>. */
export function RadioGroupItem({ className, ...props }: ComponentProps<typeof RadioPrimitive.Item>) {
  return (
    <RadioPrimitive.Item
      className={cn(
        "relative flex size-4 shrink-0 items-center justify-center rounded-full border border-input bg-background shadow-xs",
        // A 40 px hit area for fingers.
        "after:absolute after:-inset-3",
        "data-[state=checked]:border-primary focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        "disabled:cursor-not-allowed disabled:opacity-50 dark:bg-input/30",
        className,
      )}
      {...props}
    >
      <RadioPrimitive.Indicator className="block size-2 rounded-full bg-primary" />
    </RadioPrimitive.Item>
  );
}

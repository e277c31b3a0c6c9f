"use client";
import type { ComponentProps } from "react";
import { Dialog as DialogPrimitive } from "radix-ui";
import { DialogCornerClose, DialogOverlay } from "@/components/ui/dialog";
import { cn } from "@/components/ui/cn";
import { useReturnFocus } from "./use-return-focus";

/** A Dialog that enters from the right edge, full height: Radix supplies focus trap, Escape and aria wiring.
 *  It slides in through @starting-style (globals.css has no right-hand keyframes) and fades out. */
export function SheetContent({ className, children, ...props }: ComponentProps<typeof DialogPrimitive.Content>) {
  const returnFocus = useReturnFocus();
  return (
    <DialogPrimitive.Portal>
      <DialogOverlay />
      <DialogPrimitive.Content
        {...returnFocus}
        className={cn(
          "fixed inset-y-0 right-0 z-50 flex w-full flex-col border-l bg-popover text-popover-foreground shadow-2xl sm:max-w-xl",
          "transition-transform duration-200 ease-out starting:translate-x-full focus:outline-none",
          "data-[state=closed]:animate-fade-out",
          className,
        )}
        {...props}
      >
        {children}
        <DialogCornerClose />
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

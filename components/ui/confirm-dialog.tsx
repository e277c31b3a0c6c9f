"use client";

import { useState, type ReactNode } from "react";
import { AlertDialog } from "radix-ui";
import { CircleAlert } from "lucide-react";
import { Button } from "./button";
import { cn } from "./cn";

export type ConfirmDialogProps = {
  title: ReactNode;
  description?: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  /** Red confirm button, for deleting or revoking. */
  destructive?: boolean;
  /**
   * Runs on confirm. If it returns a promise the button spins until it
   * settles; the dialog closes on success and stays open showing the error's
   * message on failure, so the user can retry or cancel.
   */
  onConfirm: () => void | Promise<void>;
  /** Element that opens the dialog (rendered asChild), e.g. a Button. */
  trigger?: ReactNode;
  /** Controlled mode, e.g. when opened from a dropdown menu item. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
};

export function ConfirmDialog({
  title,
  description,
  confirmLabel = "Confirm",
  cancelLabel = "Cancel",
  destructive = false,
  onConfirm,
  trigger,
  open: openProp,
  onOpenChange,
}: ConfirmDialogProps) {
  const [openState, setOpenState] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const open = openProp ?? openState;

  function setOpen(next: boolean) {
    // While the action runs, ignore Escape and Cancel so its outcome is seen.
    if (pending && !next) return;
    if (next) setError(null);
    setOpenState(next);
    onOpenChange?.(next);
  }

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setPending(false);
      setOpenState(false);
      onOpenChange?.(false);
    } catch (err) {
      setPending(false);
      setError(err instanceof Error && err.message ? err.message : "Something went wrong. Try again.");
    }
  }

  return (
    <AlertDialog.Root open={open} onOpenChange={setOpen}>
      {trigger && <AlertDialog.Trigger asChild>{trigger}</AlertDialog.Trigger>}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-50 bg-black/40 backdrop-blur-[2px] data-[state=closed]:animate-fade-out data-[state=open]:animate-fade-in dark:bg-black/60" />
        <AlertDialog.Content
          className={cn(
            "fixed left-1/2 top-1/2 z-50 grid w-[calc(100%-2rem)] max-w-md -translate-x-1/2 -translate-y-1/2 gap-5",
            "rounded-xl border bg-popover p-6 text-popover-foreground shadow-2xl focus:outline-none",
            "data-[state=open]:animate-pop-in data-[state=closed]:animate-pop-out",
          )}
        >
          <div className="flex flex-col gap-1.5">
            <AlertDialog.Title className="text-lg font-semibold leading-6 tracking-tight">
              {title}
            </AlertDialog.Title>
            {description ? (
              <AlertDialog.Description className="text-sm leading-6 text-muted-foreground">
                {description}
              </AlertDialog.Description>
            ) : (
              <AlertDialog.Description className="sr-only">Confirm to continue.</AlertDialog.Description>
            )}
          </div>
          {error && (
            <p
              role="alert"
              className="flex items-start gap-2 rounded-md border border-destructive/20 bg-destructive/10 px-3 py-2 text-sm text-destructive"
            >
              <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
              {error}
            </p>
          )}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel asChild>
              <Button variant="outline" disabled={pending}>
                {cancelLabel}
              </Button>
            </AlertDialog.Cancel>
            {/* Not AlertDialog.Action: that closes at once, before an async onConfirm settles. */}
            <Button variant={destructive ? "destructive" : "default"} loading={pending} onClick={confirm}>
              {confirmLabel}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

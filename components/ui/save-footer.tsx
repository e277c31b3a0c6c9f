"use client";

// The foot of a settings card: Save, and Cancel while there is something to undo. `children`: what Save opens
// (a confirm dialog, say).
import type { ReactNode } from "react";
import { Button } from "./button";
import { CardFooter } from "./card";

export function SaveFooter({
  label,
  disabled,
  pending,
  onSave,
  onCancel,
  children,
}: {
  label: string;
  disabled: boolean;
  pending: boolean;
  onSave(): void;
  /** Only while there are changes to undo: no Cancel without it. */
  onCancel?: () => void;
  children?: ReactNode;
}) {
  return (
    <CardFooter>
      <Button disabled={disabled} loading={pending} onClick={onSave}>
        {label}
      </Button>
      {onCancel && (
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      )}
      {children}
    </CardFooter>
  );
}

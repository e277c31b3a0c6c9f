"use client";

import type { ReactNode } from "react";
import { Button } from "./button";
import { ConfirmDialog } from "./confirm-dialog";

/** A quiet "Revoke" in a list row that asks first: keys, invites and sessions end this way. */
export function RevokeButton({
  title,
  description,
  confirmLabel = "Revoke",
  onConfirm,
}: {
  title: ReactNode;
  description: ReactNode;
  confirmLabel?: string;
  onConfirm: () => Promise<void>;
}) {
  return (
    <ConfirmDialog
      title={title}
      description={description}
      confirmLabel={confirmLabel}
      destructive
      onConfirm={onConfirm}
      trigger={
        <Button variant="ghost" size="sm">
          Revoke
        </Button>
      }
    />
  );
}

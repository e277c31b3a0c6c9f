"use client";

// The last row of a dialog's form: Cancel, and the submit button that spins while the form is being sent.
import { Button } from "./button";
import { DialogFooter } from "./dialog";

/** `disabled`: the form cannot be sent yet (nothing chosen, say). */
export function FormDialogFooter({
  submitLabel,
  pending,
  disabled,
  onCancel,
}: {
  submitLabel: string;
  pending: boolean;
  disabled?: boolean;
  onCancel(): void;
}) {
  return (
    <DialogFooter>
      <Button type="button" variant="outline" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={pending} disabled={disabled}>
        {submitLabel}
      </Button>
    </DialogFooter>
  );
}

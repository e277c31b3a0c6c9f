"use client";

// The last row of a dialog's form: Cancel, and the submit button that spins while the form is being sent.
import { Button } from "./button";
import { DialogFooter } from "./dialog";

export function FormDialogFooter({ submitLabel, pending, onCancel }: { submitLabel: string; pending: boolean; onCancel(): void }) {
  return (
    <DialogFooter>
      <Button type="button" variant="outline" onClick={onCancel}>
        Cancel
      </Button>
      <Button type="submit" loading={pending}>
        {submitLabel}
      </Button>
    </DialogFooter>
  );
}

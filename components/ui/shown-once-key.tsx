"use client";

// The inside of a dialog that has just created a key: shown this once (only its hash is stored), with a copy button.
import { Button } from "./button";
import { CopyButton } from "./copy-button";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "./dialog";
import { Input } from "./input";

export function ShownOnceKey({ value, label, hint, onDone }: { value: string; label: string; hint: string; onDone(): void }) {
  return (
    <>
      <DialogHeader>
        <DialogTitle>Copy your new key</DialogTitle>
        <DialogDescription>This is the only time it is shown. {hint}</DialogDescription>
      </DialogHeader>
      <div className="flex gap-2">
        <Input readOnly value={value} aria-label={label} className="font-mono text-xs" onFocus={(e) => e.target.select()} />
        <CopyButton value={value} label="API key" variant="outline" />
      </div>
      <DialogFooter>
        <Button onClick={onDone}>Done</Button>
      </DialogFooter>
    </>
  );
}

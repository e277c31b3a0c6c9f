"use client";

// The inside of a dialog that has just created a key: shown this once (only its hash is stored), with a copy button.
import type { ReactNode } from "react";
import { Button } from "./button";
import { CopyButton } from "./copy-button";
import { DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "./dialog";
import { Input } from "./input";

/** `children`: more ways to use the key while it is still known (a configuration with it, say). */
export function ShownOnceKey({ value, label, hint, onDone, children }: { value: string; label: string; hint: string; onDone(): void; children?: ReactNode }) {
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
      {children}
      <DialogFooter>
        <Button onClick={onDone}>Done</Button>
      </DialogFooter>
    </>
  );
}

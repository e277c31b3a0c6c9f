"use client";
// One header of an HTTP request node. A secret value (a token, a key) is sealed by the server when the draft is
// saved and never comes back: the field then says a value is saved, and typing replaces it.
import { X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { NodeOfType } from "@/server/workflows/graph";

type Header = NodeOfType<"http">["data"]["headers"][number];

/** Names that usually carry credentials: such a header starts as a secret until the person says otherwise. */
const credentialName = /auth|token|key|secret|cookie|password/i;

export function HttpHeaderRow({
  index,
  header,
  problem,
  disabled,
  onChange,
  onRemove,
}: {
  index: number;
  header: Header;
  problem?: string;
  disabled?: boolean;
  onChange(header: Header): void;
  onRemove(): void;
}) {
  const saved = header.secret && Boolean(header.valueCiphertext) && !header.value;
  const setName = (name: string) => {
    const untouched = !header.value && !header.valueCiphertext;
    onChange({ ...header, name, secret: untouched && credentialName.test(name) ? true : header.secret });
  };
  // A new value replaces the sealed one; turning Secret off forgets it (it cannot be shown).
  const setValue = (value: string) => onChange({ name: header.name, value, secret: header.secret });
  const setSecret = (secret: boolean) => onChange(secret ? { ...header, secret } : { name: header.name, value: saved ? "" : header.value, secret });
  const n = index + 1;
  return (
    <div className="grid grid-cols-[1fr_1fr_auto] items-center gap-2">
      <Input aria-label={`Header ${n} name`} value={header.name} disabled={disabled} onChange={(e) => setName(e.target.value)} />
      <Input
        aria-label={`Header ${n} value`}
        type={header.secret ? "password" : "text"}
        autoComplete="off"
        placeholder={saved ? "Saved secret: type to replace" : undefined}
        value={header.value}
        disabled={disabled}
        aria-invalid={Boolean(problem)}
        onChange={(e) => setValue(e.target.value)}
      />
      <Button variant="ghost" size="icon-sm" aria-label={`Remove header ${n}`} disabled={disabled} onClick={onRemove}>
        <X aria-hidden />
      </Button>
      <label className="col-span-3 flex items-center gap-2 text-[13px] text-muted-foreground">
        <input type="checkbox" className="size-4 accent-primary" checked={header.secret} disabled={disabled} onChange={(e) => setSecret(e.target.checked)} />
        Secret: stored sealed for this URL&apos;s address, never shown again
      </label>
      {problem && <p className="col-span-3 text-[13px] text-destructive">{problem}</p>}
    </div>
  );
}

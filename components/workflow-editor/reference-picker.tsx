"use client";
// Pickers for references: one that inserts `{{node.output}}` into a text field, one that sets a bare `node.output`.
import { NativeSelect } from "@/components/ui/select";
import type { ReferenceOption } from "./reference-options";

function Options({ options }: { options: ReferenceOption[] }) {
  const groups = [...new Set(options.map((o) => o.group))];
  return groups.map((group) => (
    <optgroup key={group} label={group}>
      {options
        .filter((o) => o.group === group)
        .map((o) => (
          <option key={o.value} value={o.value}>
            {o.value} ({o.type})
          </option>
        ))}
    </optgroup>
  ));
}

/** A select that adds `{{ref}}` at the end of a text field, then resets to its prompt. */
export function InsertReference({ options, onInsert, label, disabled }: { options: ReferenceOption[]; onInsert: (text: string) => void; label: string; disabled?: boolean }) {
  return (
    <NativeSelect
      aria-label={`Insert a reference into ${label}`}
      wrapperClassName="w-60 max-w-full" className="h-8 text-xs"
      value=""
      disabled={disabled || options.length === 0}
      onChange={(e) => e.target.value && onInsert(`{{${e.target.value}}}`)}
    >
      <option value="">{options.length === 0 ? "No earlier outputs" : "Insert reference…"}</option>
      <Options options={options} />
    </NativeSelect>
  );
}

/** A bare reference (If/Else left side, Iteration items, End values): one of the options, or none. */
export function ReferenceSelect({ value, options, onChange, label, disabled, ...rest }: { value: string; options: ReferenceOption[]; onChange: (value: string) => void; label?: string; disabled?: boolean; id?: string; "aria-describedby"?: string; "aria-invalid"?: boolean | "true" | "false" }) {
  const known = options.some((o) => o.value === value);
  return (
    <NativeSelect {...rest} aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
      <option value="">Choose an output…</option>
      {value && !known && <option value={value}>{value} (not available here)</option>}
      <Options options={options} />
    </NativeSelect>
  );
}

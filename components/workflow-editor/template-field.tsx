"use client";
// A text field that may hold `{{node.output}}` references, with the picker that inserts one, and its problem.
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { WorkflowNode } from "@/server/workflows/graph";
import type { ReferenceOption } from "./reference-options";
import { InsertReference } from "./reference-picker";

export interface NodeFormProps<N extends WorkflowNode> {
  node: N;
  onChange: (data: N["data"]) => void;
  /** The outputs this node may read. */
  refs: ReferenceOption[];
  /** The checker's message for a field (node-slots.ts names), if any. */
  problem: (field: string) => string | undefined;
  disabled?: boolean;
}

export function TemplateField({
  label,
  value,
  onChange,
  refs,
  error,
  rows = 3,
  single,
  placeholder,
  disabled,
  monospace,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  refs: ReferenceOption[];
  error?: string;
  rows?: number;
  /** A one-line input (URL, header value). */
  single?: boolean;
  placeholder?: string;
  disabled?: boolean;
  monospace?: boolean;
}) {
  const control = single ? (
    <Input value={value} placeholder={placeholder} disabled={disabled} onChange={(e) => onChange(e.target.value)} />
  ) : (
    <Textarea rows={rows} value={value} placeholder={placeholder} disabled={disabled} className={monospace ? "font-mono text-xs" : undefined} onChange={(e) => onChange(e.target.value)} />
  );
  return (
    <div className="grid gap-1.5">
      <Field label={label} error={error}>
        {control}
      </Field>
      {!disabled && <InsertReference label={label} options={refs} onInsert={(text) => onChange(value + text)} />}
    </div>
  );
}

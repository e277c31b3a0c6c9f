"use client";
// The settings that only some input types have: a length limit, numeric bounds, an object's JSON Schema.
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import type { Variable } from "@/server/apps/app-config";

const toNumberOrNull = (raw: string) => (raw.trim() === "" || Number.isNaN(Number(raw)) ? null : Number(raw));

export function VariableConstraints({
  variable,
  onChange,
  disabled,
}: {
  variable: Variable;
  onChange: (patch: Partial<Variable>) => void;
  disabled?: boolean;
}) {
  if (variable.type === "text" || variable.type === "paragraph") {
    return (
      <Field label="Maximum length" optional className="max-w-56 gap-1">
        <Input type="number" min={1} value={variable.maxLength ?? ""} disabled={disabled} onChange={(e) => onChange({ maxLength: toNumberOrNull(e.target.value) })} />
      </Field>
    );
  }
  if (variable.type === "number") {
    return (
      <div className="flex flex-wrap gap-2">
        <Field label="Minimum" optional className="w-36 gap-1">
          <Input type="number" value={variable.min ?? ""} disabled={disabled} onChange={(e) => onChange({ min: toNumberOrNull(e.target.value) })} />
        </Field>
        <Field label="Maximum" optional className="w-36 gap-1">
          <Input type="number" value={variable.max ?? ""} disabled={disabled} onChange={(e) => onChange({ max: toNumberOrNull(e.target.value) })} />
        </Field>
      </div>
    );
  }
  if (variable.type === "json") return <JsonSchemaField variable={variable} onChange={onChange} disabled={disabled} />;
  return null;
}

/** Edited as text and applied only when it parses, so a half-typed schema never reaches the draft. */
function JsonSchemaField({ variable, onChange, disabled }: { variable: Variable; onChange: (patch: Partial<Variable>) => void; disabled?: boolean }) {
  const [text, setText] = useState(() => (variable.jsonSchema ? JSON.stringify(variable.jsonSchema, null, 2) : ""));
  const [error, setError] = useState<string | null>(null);
  const apply = (raw: string) => {
    setText(raw);
    if (raw.trim() === "") {
      setError(null);
      onChange({ jsonSchema: null });
      return;
    }
    try {
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      setError(null);
      onChange({ jsonSchema: parsed as Record<string, unknown> });
    } catch {
      setError("Not valid JSON yet; the last valid schema is kept.");
    }
  };
  const id = `schema-${variable.key}`;
  return (
    <div className="grid gap-1">
      <label htmlFor={id} className="text-sm font-medium leading-5">
        JSON Schema <span className="text-xs font-normal text-muted-foreground">Optional</span>
      </label>
      <Textarea
        id={id}
        aria-describedby={error ? `${id}-error` : undefined}
        rows={4}
        className="font-mono text-xs"
        placeholder={'{ "type": "object", "properties": { "city": { "type": "string" } } }'}
        value={text}
        disabled={disabled}
        onChange={(e) => apply(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="text-xs text-destructive">
          {error}
        </p>
      )}
    </div>
  );
}

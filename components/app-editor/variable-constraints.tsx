"use client";
// The settings that only some input types have: a length limit, numeric bounds, an object's JSON Schema.
import { useState } from "react";
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
      <Input
        aria-label="Maximum length"
        type="number"
        min={1}
        placeholder="Maximum length (optional)"
        className="max-w-56"
        value={variable.maxLength ?? ""}
        disabled={disabled}
        onChange={(e) => onChange({ maxLength: toNumberOrNull(e.target.value) })}
      />
    );
  }
  if (variable.type === "number") {
    return (
      <div className="flex flex-wrap gap-2">
        <Input aria-label="Minimum" type="number" placeholder="Minimum" className="max-w-36" value={variable.min ?? ""} disabled={disabled} onChange={(e) => onChange({ min: toNumberOrNull(e.target.value) })} />
        <Input aria-label="Maximum" type="number" placeholder="Maximum" className="max-w-36" value={variable.max ?? ""} disabled={disabled} onChange={(e) => onChange({ max: toNumberOrNull(e.target.value) })} />
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
      <Textarea
        id={id}
        aria-label="JSON Schema"
        aria-describedby={error ? `${id}-error` : undefined}
        rows={4}
        className="font-mono text-xs"
        placeholder={'JSON Schema (optional), e.g. { "type": "object", "properties": { "city": { "type": "string" } } }'}
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

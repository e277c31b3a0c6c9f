"use client";
import { Plus, Trash2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import type { Variable } from "@/server/apps/app-config";
import { VariableConstraints } from "./variable-constraints";

const typeLabels: Record<Variable["type"], string> = {
  text: "Text",
  paragraph: "Paragraph",
  select: "Select",
  number: "Number",
  checkbox: "Checkbox",
  json: "JSON object",
};

function newVariable(existing: Variable[]): Variable {
  let n = existing.length + 1;
  while (existing.some((v) => v.key === `field_${n}`)) n++;
  return { key: `field_${n}`, label: `Field ${n}`, type: "text", required: false, description: "", default: null, options: [], maxLength: null, min: null, max: null, jsonSchema: null };
}

export function VariablesEditor({
  variables,
  onChange,
  disabled,
}: {
  variables: Variable[];
  onChange: (next: Variable[]) => void;
  disabled?: boolean;
}) {
  const update = (index: number, patch: Partial<Variable>) =>
    onChange(variables.map((v, i) => (i === index ? { ...v, ...patch } : v)));

  return (
    <div className="grid gap-3">
      {variables.length === 0 && (
        <p className="text-sm text-muted-foreground">
          No input fields. Add one and use it in the instructions as <code className="font-mono">{"{{key}}"}</code>.
        </p>
      )}
      {variables.map((variable, index) => (
        <fieldset key={index} className="grid gap-2 rounded-lg border p-3" aria-label={`Input field ${variable.label}`}>
          {/* Visible labels on every control: placeholders vanish once typed in and are cut off at phone width. */}
          <div className="grid gap-2 sm:grid-cols-[1fr_1fr_9rem]">
            <Field label="Label" className="gap-1">
              <Input value={variable.label} disabled={disabled} maxLength={100} onChange={(e) => update(index, { label: e.target.value })} />
            </Field>
            <Field label="Key" className="gap-1">
              <Input className="font-mono" value={variable.key} disabled={disabled} maxLength={64} onChange={(e) => update(index, { key: e.target.value.replace(/[^A-Za-z0-9_]/g, "_") })} />
            </Field>
            <Field label="Type" className="gap-1">
              <NativeSelect value={variable.type} disabled={disabled} onChange={(e) => update(index, { type: e.target.value as Variable["type"] })}>
                {Object.entries(typeLabels).map(([value, label]) => (
                  <option key={value} value={value}>{label}</option>
                ))}
              </NativeSelect>
            </Field>
          </div>
          {variable.type === "select" && (
            <Field label="Options" hint="Comma-separated." className="gap-1">
              <Input
                value={variable.options.join(", ")}
                disabled={disabled}
                onChange={(e) => update(index, { options: e.target.value.split(",").map((o) => o.trim()).filter(Boolean) })}
              />
            </Field>
          )}
          <VariableConstraints variable={variable} disabled={disabled} onChange={(patch) => update(index, patch)} />
          <Field label="Description" hint="Shown to people and to MCP clients." className="gap-1">
            <Input value={variable.description} disabled={disabled} maxLength={500} onChange={(e) => update(index, { description: e.target.value })} />
          </Field>
          <div className="flex flex-wrap items-end gap-3">
            {variable.type !== "checkbox" && variable.type !== "json" && (
              <Field label="Default value" optional className="w-full max-w-56 gap-1">
                <Input
                  value={variable.default === null ? "" : String(variable.default)}
                  disabled={disabled}
                  onChange={(e) => {
                    const raw = e.target.value;
                    update(index, { default: raw === "" ? null : variable.type === "number" && !Number.isNaN(Number(raw)) ? Number(raw) : raw });
                  }}
                />
              </Field>
            )}
            <label className="flex h-9 items-center gap-2 text-sm">
              <input type="checkbox" className="size-4 accent-primary" checked={variable.required} disabled={disabled} onChange={(e) => update(index, { required: e.target.checked })} />
              Required
            </label>
            <Button type="button" variant="ghost" size="sm" className="ml-auto" disabled={disabled} onClick={() => onChange(variables.filter((_, i) => i !== index))} aria-label={`Remove ${variable.label}`}>
              <Trash2 aria-hidden /> Remove
            </Button>
          </div>
        </fieldset>
      ))}
      <div>
        <Button type="button" variant="outline" size="sm" disabled={disabled} onClick={() => onChange([...variables, newVariable(variables)])}>
          <Plus aria-hidden /> Add input field
        </Button>
      </div>
    </div>
  );
}

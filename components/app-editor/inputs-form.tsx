"use client";
// The app's user input form, generated from its variables.
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { Variable } from "@/server/apps/app-config";

export function InputsForm({
  variables,
  values,
  onChange,
}: {
  variables: Variable[];
  values: Record<string, unknown>;
  onChange: (next: Record<string, unknown>) => void;
}) {
  const set = (key: string, value: unknown) => onChange({ ...values, [key]: value });
  return (
    <div className="grid gap-3">
      {variables.map((v) => {
        const id = `input-${v.key}`;
        const value = values[v.key] ?? v.default ?? "";
        const label = (
          <label htmlFor={id} className="text-sm font-medium">
            {v.label}
            {/* Marked for the eye; assistive tech hears "required" from aria-required on the control. */}
            {v.required && <span aria-hidden className="text-destructive"> *</span>}
          </label>
        );
        if (v.type === "checkbox") {
          return (
            <label key={v.key} className="flex items-center gap-2 text-sm font-medium">
              <input id={id} type="checkbox" className="size-4 accent-primary" checked={Boolean(values[v.key] ?? v.default)} onChange={(e) => set(v.key, e.target.checked)} />
              {v.label}
            </label>
          );
        }
        return (
          <div key={v.key} className="grid gap-1.5">
            {label}
            {v.type === "select" ? (
              <NativeSelect id={id} aria-required={v.required || undefined} value={String(value)} onChange={(e) => set(v.key, e.target.value)}>
                <option value="">Choose…</option>
                {v.options.map((o) => (
                  <option key={o} value={o}>{o}</option>
                ))}
              </NativeSelect>
            ) : v.type === "paragraph" || v.type === "json" ? (
              <Textarea id={id} aria-required={v.required || undefined} rows={v.type === "json" ? 4 : 3} className={v.type === "json" ? "font-mono text-xs" : undefined} value={typeof value === "string" ? value : JSON.stringify(value, null, 2)} placeholder={v.type === "json" ? '{ "key": "value" }' : v.description} onChange={(e) => set(v.key, e.target.value)} />
            ) : (
              <Input id={id} aria-required={v.required || undefined} type={v.type === "number" ? "number" : "text"} value={String(value)} placeholder={v.description} onChange={(e) => set(v.key, v.type === "number" && e.target.value !== "" ? Number(e.target.value) : e.target.value)} />
            )}
          </div>
        );
      })}
    </div>
  );
}

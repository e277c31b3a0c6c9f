"use client";
// The graph's run limits, shown when no node is selected. A field's text stays local until it is a whole number in
// range, so the graph (and the autosaved draft) never holds a limit the server would refuse.
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import type { WorkflowLimits } from "@/server/workflows/graph";

type LimitKey = keyof WorkflowLimits;

const fields: { key: LimitKey; label: string; hint: string; max: number }[] = [
  { key: "maxRunSeconds", label: "Max run seconds", hint: "A run that takes longer is stopped and fails.", max: 3600 },
  { key: "maxNodeRuns", label: "Max node runs", hint: "Steps run in all, counting each Iteration item's body steps; a run that needs more fails.", max: 10_000 },
  { key: "maxIterationItems", label: "Max iteration items", hint: "An Iteration given a longer list fails instead of running it.", max: 1000 },
];

function parseLimit(text: string, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 1 && value <= max ? value : null;
}

export function LimitsForm({ limits, disabled, onChange }: { limits: WorkflowLimits; disabled: boolean; onChange: (next: WorkflowLimits) => void }) {
  // Only invalid text is kept here; a valid value goes to the graph, so undo shows in the field.
  const [invalid, setInvalid] = useState<Partial<Record<LimitKey, string>>>({});
  return (
    <section aria-label="Run limits" className="grid gap-3 border-t pt-3">
      <h3 className="text-sm font-medium text-foreground">Run limits</h3>
      {fields.map(({ key, label, hint, max }) => {
        const text = invalid[key];
        return (
          <Field key={key} label={label} hint={hint} error={text !== undefined ? `Enter a whole number from 1 to ${max.toLocaleString("en-US")}.` : undefined}>
            <Input
              type="number"
              inputMode="numeric"
              min={1}
              max={max}
              step={1}
              value={text ?? String(limits[key])}
              disabled={disabled}
              onChange={(e) => {
                const value = parseLimit(e.target.value, max);
                setInvalid((current) => {
                  const rest = { ...current };
                  delete rest[key];
                  return value === null ? { ...rest, [key]: e.target.value } : rest;
                });
                if (value !== null && value !== limits[key]) onChange({ ...limits, [key]: value });
              }}
            />
          </Field>
        );
      })}
    </section>
  );
}

"use client";
import { CircleAlert, Eye, EyeOff, Plus, Trash2 } from "lucide-react";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import type { FieldErrors } from "./form-errors";
import { newHeaderRow, type HeaderRow } from "./use-server-form";

const isBlank = (row: HeaderRow) => !row.name.trim() && !row.value;

/** Custom headers as name + secret value rows. Values stay hidden unless shown; saved ones arrive masked. */
export function HeadersEditor({
  rows,
  onChange,
  errors,
  editing,
}: {
  rows: HeaderRow[];
  onChange: (rows: HeaderRow[]) => void;
  errors: FieldErrors;
  editing: boolean;
}) {
  const [shown, setShown] = useState<Set<number>>(new Set());
  const update = (key: number, patch: Partial<HeaderRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  // Blank rows are dropped before sending, so the server's index counts only filled-in rows.
  let sent = -1;

  return (
    <fieldset className="grid gap-2">
      <legend className="mb-2 text-sm font-medium">Custom headers</legend>
      {rows.length > 0 && (
        <ul className="grid gap-2" aria-label="Custom headers">
          {rows.map((row, i) => {
            const index = isBlank(row) ? null : ++sent;
            const error = index === null ? undefined : (errors[`headers.${index}.name`] ?? errors[`headers.${index}.value`]);
            const visible = shown.has(row.key);
            const errorId = error ? `header-${row.key}-error` : undefined;
            return (
              <li key={row.key} className="grid gap-1">
                <div className="flex flex-wrap items-center gap-2 sm:flex-nowrap">
                  <Input
                    aria-label={`Header ${i + 1} name`}
                    aria-invalid={Boolean(errors[`headers.${index}.name`]) || undefined}
                    aria-describedby={errorId}
                    placeholder="Authorization"
                    autoComplete="off"
                    spellCheck={false}
                    className="w-full font-mono text-[13px] sm:w-44 sm:text-[13px]"
                    value={row.name}
                    maxLength={100}
                    onChange={(e) => update(row.key, { name: e.target.value })}
                  />
                  <div className="relative min-w-0 flex-1">
                    <Input
                      aria-label={`Header ${i + 1} value`}
                      aria-invalid={Boolean(errors[`headers.${index}.value`]) || undefined}
                      aria-describedby={errorId}
                      type={visible ? "text" : "password"}
                      placeholder="Bearer …"
                      autoComplete="new-password"
                      spellCheck={false}
                      className="pr-9 font-mono text-[13px] sm:text-[13px]"
                      value={row.value}
                      onChange={(e) => update(row.key, { value: e.target.value })}
                    />
                    <button
                      type="button"
                      aria-label={`${visible ? "Hide" : "Show"} value of header ${i + 1}`}
                      aria-pressed={visible}
                      onClick={() => setShown((s) => (s.has(row.key) ? (s.delete(row.key), new Set(s)) : new Set(s).add(row.key)))}
                      className="absolute right-1 top-1/2 flex size-7 -translate-y-1/2 cursor-pointer items-center justify-center rounded text-muted-foreground hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
                    >
                      {visible ? <EyeOff aria-hidden className="size-4" /> : <Eye aria-hidden className="size-4" />}
                    </button>
                  </div>
                  <Button
                    variant="ghost"
                    size="icon-sm"
                    aria-label={`Remove header ${i + 1}`}
                    onClick={() => onChange(rows.filter((r) => r.key !== row.key))}
                  >
                    <Trash2 aria-hidden />
                  </Button>
                </div>
                {error && <FieldError id={errorId}>{error}</FieldError>}
              </li>
            );
          })}
        </ul>
      )}
      {errors.headers && <FieldError>{errors.headers}</FieldError>}
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <Button variant="outline" size="sm" onClick={() => onChange([...rows, newHeaderRow()])} disabled={rows.length >= 20}>
          <Plus aria-hidden /> Add header
        </Button>
        <p className="text-[13px] leading-5 text-muted-foreground">
          {editing && rows.some((r) => r.value.includes("•"))
            ? "Saved values show masked. Leave one as it is to keep it, or type a new value."
            : "Sent with every request, e.g. an API key. Stored encrypted."}
        </p>
      </div>
    </fieldset>
  );
}

function FieldError({ id, children }: { id?: string; children: ReactNode }) {
  return (
    <p id={id} className="flex items-start gap-1.5 text-[13px] leading-5 text-destructive">
      <CircleAlert aria-hidden className="mt-0.5 size-3.5 shrink-0" />
      <span>{children}</span>
    </p>
  );
}

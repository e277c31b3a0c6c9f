"use client";
// Search and filters above the Logs list. The search waits for a pause in typing, so each keystroke is not a query.
import { useEffect, useState } from "react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";

export interface ConversationFilterValues {
  search: string;
  source: "" | "debug" | "mcp" | "api";
  /** yyyy-mm-dd from the date inputs, "" for no bound. */
  from: string;
  to: string;
}

export const noFilters: ConversationFilterValues = { search: "", source: "", from: "", to: "" };

/** The dates as the server wants them: from the start of `from` to the end of `to`, in the person's time zone. */
export function filterInput(values: ConversationFilterValues) {
  const day = (iso: string, plusDays = 0) => {
    const [y, m, d] = iso.split("-").map(Number);
    return y && m && d ? new Date(y, m - 1, d + plusDays) : null;
  };
  return {
    search: values.search.trim() || null,
    source: values.source || null,
    from: values.from ? day(values.from) : null,
    to: values.to ? day(values.to, 1) : null,
  };
}

export function ConversationFilters({ value, onChange }: { value: ConversationFilterValues; onChange: (next: ConversationFilterValues) => void }) {
  const [search, setSearch] = useState(value.search);
  useEffect(() => {
    if (search === value.search) return;
    const timer = setTimeout(() => onChange({ ...value, search }), 300);
    return () => clearTimeout(timer);
  }, [search, value, onChange]);

  return (
    <div role="search" aria-label="Filter conversations" className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
      <Field label="Search">
        <Input type="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder="Words in a message or title" />
      </Field>
      <Field label="Source">
        <NativeSelect value={value.source} onChange={(e) => onChange({ ...value, source: e.target.value as ConversationFilterValues["source"] })}>
          <option value="">All sources</option>
          <option value="debug">Debug &amp; Preview</option>
          <option value="mcp">MCP clients</option>
          <option value="api">API</option>
        </NativeSelect>
      </Field>
      <Field label="From">
        <Input type="date" value={value.from} max={value.to || undefined} onChange={(e) => onChange({ ...value, from: e.target.value })} />
      </Field>
      <Field label="To">
        <Input type="date" value={value.to} min={value.from || undefined} onChange={(e) => onChange({ ...value, to: e.target.value })} />
      </Field>
    </div>
  );
}

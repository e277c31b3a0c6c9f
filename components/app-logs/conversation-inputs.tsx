"use client";
// A conversation's inputs under the labels of the form they were typed into, rather than as raw JSON.

interface InputField {
  key: string;
  label: string;
  type: string;
}

function show(value: unknown) {
  if (value === null || value === undefined || value === "") return <span className="italic text-muted-foreground">Empty</span>;
  if (typeof value === "boolean") return value ? "Yes" : "No";
  if (typeof value === "string" || typeof value === "number") return String(value);
  return <pre className="overflow-auto whitespace-pre-wrap rounded bg-background p-2 font-mono text-xs">{JSON.stringify(value, null, 2)}</pre>;
}

export function ConversationInputs({ inputs, fields }: { inputs: Record<string, unknown>; fields: InputField[] }) {
  const known = new Set(fields.map((f) => f.key));
  // Fields removed from the form since keep their value, under their key.
  const rows = [
    ...fields.filter((f) => f.key in inputs).map((f) => ({ key: f.key, label: f.label })),
    ...Object.keys(inputs)
      .filter((key) => !known.has(key))
      .map((key) => ({ key, label: key })),
  ];
  if (rows.length === 0) return null;
  return (
    <section aria-label="Inputs" className="rounded-lg bg-muted p-3">
      <h3 className="mb-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">Inputs</h3>
      <dl className="grid gap-x-4 gap-y-2 text-sm sm:grid-cols-[minmax(6rem,auto)_1fr]">
        {rows.map((row) => (
          <div key={row.key} className="contents">
            <dt className="font-medium text-muted-foreground">{row.label}</dt>
            <dd className="min-w-0 break-words">{show(inputs[row.key])}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

import type { SchemaField } from "./schema-fields";

/** A tool's parameters: name, type, whether required, description and allowed values. */
export function ToolParamsTable({ fields, toolName }: { fields: SchemaField[]; toolName: string }) {
  if (fields.length === 0) return <p className="text-[13px] text-muted-foreground">No parameters.</p>;
  return (
    <div className="overflow-x-auto rounded-md border">
      <table className="w-full min-w-[20rem] table-fixed border-collapse text-left text-[13px]">
        <caption className="sr-only">Parameters of {toolName}</caption>
        <colgroup>
          <col className="w-[36%]" />
          <col className="w-[22%]" />
          <col />
        </colgroup>
        <thead className="bg-muted/50 text-xs text-muted-foreground">
          <tr>
            <th scope="col" className="px-2.5 py-1.5 font-medium">Name</th>
            <th scope="col" className="px-2.5 py-1.5 font-medium">Type</th>
            <th scope="col" className="px-2.5 py-1.5 font-medium">Description</th>
          </tr>
        </thead>
        <tbody className="divide-y">
          {fields.map((field) => (
            <tr key={field.name} className="align-top">
              <th scope="row" className="break-words px-2.5 py-1.5 font-normal">
                <span className="font-mono text-xs">{field.name}</span>
                {field.required ? (
                  <span className="ml-1.5 text-[11px] font-medium text-destructive dark:text-[oklch(0.75_0.16_25)]">required</span>
                ) : null}
              </th>
              <td className="break-words px-2.5 py-1.5 font-mono text-xs text-muted-foreground">{field.typeLabel}</td>
              <td className="px-2.5 py-1.5 text-muted-foreground">
                {field.description ?? (field.title && field.title !== field.name ? field.title : "—")}
                {field.enumValues && field.enumValues.length > 0 && (
                  <span className="mt-1 flex flex-wrap gap-1">
                    <span className="sr-only">One of:</span>
                    {field.enumValues.map((v) => (
                      <code key={v} className="rounded border bg-muted px-1 font-mono text-[11px] text-foreground">
                        {v}
                      </code>
                    ))}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

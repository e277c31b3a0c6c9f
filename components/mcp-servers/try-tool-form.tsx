"use client";
// "Try it": a form generated from the tool's input schema, the call, and its result (rendered, raw JSON on request).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CircleAlert, Play } from "lucide-react";
import { useId, useMemo, useState, type FormEvent } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import type { McpToolView } from "./mcp-server-types";
import { buildArguments, initialValues, schemaFields, type FormValues, type SchemaField } from "./schema-fields";
import { ToolResultView } from "./tool-result-view";

export function TryToolForm({ serverId, tool }: { serverId: string; tool: McpToolView }) {
  const trpc = useTRPC();
  const fields = useMemo(() => schemaFields(tool.inputSchema), [tool.inputSchema]);
  const [values, setValues] = useState<FormValues>(() => initialValues(fields));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const queryClient = useQueryClient();
  // A call may renew the server's OAuth token (or find it revoked): the card and the sheet show the new state at once.
  const call = useMutation(trpc.mcpServers.callTool.mutationOptions({ onSettled: () => queryClient.invalidateQueries(trpc.mcpServers.list.queryFilter()) }));
  const formId = useId();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const built = buildArguments(fields, values);
    setErrors(built.errors);
    const firstInvalid = fields.find((f) => built.errors[f.name]);
    if (firstInvalid) {
      requestAnimationFrame(() => document.getElementById(`${formId}-${firstInvalid.name}`)?.focus());
      return;
    }
    call.mutate({ id: serverId, name: tool.name, arguments: built.args });
  }

  return (
    <div className="grid gap-3 rounded-lg border border-dashed p-3">
      <form onSubmit={submit} noValidate className="grid gap-3" aria-label={`Try ${tool.name}`}>
        {fields.length === 0 && <p className="text-[13px] text-muted-foreground">This tool takes no arguments.</p>}
        {fields.map((field) => (
          <ArgumentField
            key={field.name}
            id={`${formId}-${field.name}`}
            field={field}
            value={values[field.name]!}
            error={errors[field.name]}
            onChange={(value) => setValues((v) => ({ ...v, [field.name]: value }))}
          />
        ))}
        <div className="flex items-center gap-2">
          <Button type="submit" size="sm" loading={call.isPending}>
            {!call.isPending && <Play aria-hidden />} Run {tool.name}
          </Button>
        </div>
      </form>
      <div aria-live="polite" className="grid gap-3">
        {call.isError && (
          <p role="alert" className="flex items-start gap-2 rounded-md border border-destructive/20 bg-destructive/10 px-3 py-2 text-sm text-destructive dark:text-[oklch(0.75_0.16_25)]">
            <CircleAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
            {call.error.message}
          </p>
        )}
        {call.data && !call.isPending && <ToolResultView outcome={call.data} />}
      </div>
    </div>
  );
}

function ArgumentField({
  id,
  field,
  value,
  error,
  onChange,
}: {
  id: string;
  field: SchemaField;
  value: string | boolean;
  error?: string;
  onChange: (value: string | boolean) => void;
}) {
  const label = (
    <span className="inline-flex items-baseline gap-1.5">
      <span className="font-mono text-[13px]">{field.name}</span>
      {field.required && (
        <span className="text-destructive" aria-hidden>
          *
        </span>
      )}
      {field.required && <span className="sr-only">(required)</span>}
      <span className="font-mono text-xs font-normal text-muted-foreground">{field.typeLabel}</span>
    </span>
  );
  const hint = field.description ?? (field.kind === "json" ? "JSON" : undefined);

  if (field.kind === "boolean") {
    return (
      <div className="grid gap-1">
        <label htmlFor={id} className="flex w-fit cursor-pointer items-center gap-2 text-sm">
          <input id={id} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} className="size-4 cursor-pointer accent-primary" />
          {label}
        </label>
        {hint && <p className="pl-6 text-[13px] leading-5 text-muted-foreground">{hint}</p>}
      </div>
    );
  }

  const text = typeof value === "string" ? value : "";
  const common = { id, "aria-required": field.required || undefined, value: text };
  return (
    <Field label={label} hint={hint} error={error} optional={!field.required}>
      {field.kind === "enum" ? (
        <NativeSelect {...common} onChange={(e) => onChange(e.target.value)}>
          <option value="">{field.required ? "Choose…" : "(not set)"}</option>
          {field.enumValues!.map((v) => (
            <option key={v} value={v}>
              {v}
            </option>
          ))}
        </NativeSelect>
      ) : field.kind === "json" ? (
        <Textarea
          {...common}
          rows={3}
          spellCheck={false}
          className="font-mono text-[13px] sm:text-[13px]"
          placeholder={field.typeLabel.startsWith("array") ? "[]" : "{}"}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <Input
          {...common}
          type={field.kind === "string" ? "text" : "number"}
          step={field.kind === "string" ? undefined : field.kind === "integer" ? 1 : "any"}
          inputMode={field.kind === "integer" ? "numeric" : field.kind === "number" ? "decimal" : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

"use client";
// Settings of the nodes that shape data: Template, Answer, Code, End.
import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { valueTypes, type NodeOfType, type ValueType } from "@/server/workflows/graph";
import { ReferenceSelect } from "./reference-picker";
import { TemplateField, type NodeFormProps } from "./template-field";

function Problem({ message }: { message?: string }) {
  return message ? <p className="text-[13px] text-destructive">{message}</p> : null;
}

export function TemplateForm({ node, onChange, refs, problem, disabled }: NodeFormProps<NodeOfType<"template">>) {
  return <TemplateField label="Template" rows={6} value={node.data.template} refs={refs} error={problem("template")} disabled={disabled} onChange={(template) => onChange({ template })} />;
}

export function AnswerForm({ node, onChange, refs, problem, disabled }: NodeFormProps<NodeOfType<"answer">>) {
  return <TemplateField label="Answer text" rows={6} value={node.data.text} refs={refs} error={problem("text")} disabled={disabled} onChange={(text) => onChange({ text })} />;
}

/** A free name for a new row: output_1, output_2, ... (names must be identifiers to save). */
function freeName(prefix: string, taken: { name: string }[]): string {
  let n = 1;
  while (taken.some((row) => row.name === `${prefix}_${n}`)) n++;
  return `${prefix}_${n}`;
}

export function CodeForm({ node, onChange, refs, problem, disabled }: NodeFormProps<NodeOfType<"code">>) {
  const data = node.data;
  return (
    <>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Inputs</legend>
        {data.inputs.map((input, i) => (
          <div key={i} className="grid grid-cols-[8rem_1fr_auto] gap-2">
            <Input aria-label={`Input ${i + 1} name`} value={input.name} disabled={disabled} onChange={(e) => onChange({ ...data, inputs: data.inputs.map((row, j) => (j === i ? { ...row, name: e.target.value } : row)) })} />
            <ReferenceSelect label={`Input ${i + 1} value`} value={input.value.replace(/^\{\{\s*|\s*\}\}$/g, "")} options={refs} disabled={disabled} onChange={(value) => onChange({ ...data, inputs: data.inputs.map((row, j) => (j === i ? { ...row, value: value ? `{{${value}}}` : "" } : row)) })} />
            <Button variant="ghost" size="icon-sm" aria-label={`Remove input ${i + 1}`} disabled={disabled} onClick={() => onChange({ ...data, inputs: data.inputs.filter((_, j) => j !== i) })}>
              <X aria-hidden />
            </Button>
            <div className="col-span-3"><Problem message={problem(`inputs.${i}.value`)} /></div>
          </div>
        ))}
        <Button variant="outline" size="sm" className="justify-self-start" disabled={disabled} onClick={() => onChange({ ...data, inputs: [...data.inputs, { name: freeName("input", data.inputs), value: "" }] })}>
          <Plus aria-hidden /> Add input
        </Button>
      </fieldset>
      <Field label="Code" hint="main(inputs) returns an object with the declared outputs.">
        <Textarea rows={10} spellCheck={false} className="font-mono text-xs" value={data.code} disabled={disabled} onChange={(e) => onChange({ ...data, code: e.target.value })} />
      </Field>
      <OutputRows label="Outputs" rows={data.outputs} problem={problem} disabled={disabled} onChange={(outputs) => onChange({ ...data, outputs })} />
    </>
  );
}

type OutputRow = { name: string; type: ValueType };

function OutputRows<R extends OutputRow>({ label, rows, onChange, problem, disabled, value }: { label: string; rows: R[]; onChange: (rows: R[]) => void; problem: (field: string) => string | undefined; disabled?: boolean; value?: (row: R, i: number) => React.ReactNode }) {
  const set = (i: number, row: R) => onChange(rows.map((r, j) => (j === i ? row : r)));
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">{label}</legend>
      {rows.map((row, i) => (
        <div key={i} className="grid gap-2 rounded-md border p-2" role="group" aria-label={`Output ${i + 1}`}>
          <div className="grid grid-cols-[1fr_7rem_auto] gap-2">
            <Input aria-label={`Output ${i + 1} name`} value={row.name} disabled={disabled} onChange={(e) => set(i, { ...row, name: e.target.value })} />
            <NativeSelect aria-label={`Output ${i + 1} type`} value={row.type} disabled={disabled} onChange={(e) => set(i, { ...row, type: e.target.value as ValueType })}>
              {valueTypes.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </NativeSelect>
            <Button variant="ghost" size="icon-sm" aria-label={`Remove output ${i + 1}`} disabled={disabled} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
              <X aria-hidden />
            </Button>
          </div>
          {value?.(row, i)}
          {[problem(`outputs.${i}.name`), problem(`outputs.${i}.value`)].filter(Boolean).map((m) => (
            <Problem key={m} message={m} />
          ))}
        </div>
      ))}
      <Problem message={problem("outputs")} />
      <Button variant="outline" size="sm" className="justify-self-start" disabled={disabled} onClick={() => onChange([...rows, { name: freeName("output", rows), type: "string", value: "" } as unknown as R])}>
        <Plus aria-hidden /> Add output
      </Button>
    </fieldset>
  );
}

export function EndForm({ node, onChange, refs, problem, disabled }: NodeFormProps<NodeOfType<"end">>) {
  const outputs = node.data.outputs;
  return (
    <OutputRows
      label="Outputs"
      rows={outputs}
      problem={problem}
      disabled={disabled}
      onChange={(rows) => onChange({ outputs: rows })}
      value={(row, i) => <ReferenceSelect label={`Output ${i + 1} value`} value={row.value} options={refs} disabled={disabled} onChange={(value) => onChange({ outputs: outputs.map((r, j) => (j === i ? { ...r, value } : r)) })} />}
    />
  );
}

"use client";
// Settings of the nodes that call out or steer the run: HTTP request, If/Else, Iteration.
import { Plus, X } from "lucide-react";
import { HttpHeaderRow } from "./http-header-row";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import { conditionOperators, type NodeOfType } from "@/server/workflows/graph";
import { ReferenceSelect } from "./reference-picker";
import { TemplateField, type NodeFormProps } from "./template-field";

const methods = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const noValue = new Set(["is-empty", "is-not-empty", "is-true", "is-false"]);

export function HttpForm({ node, onChange, refs, problem, disabled }: NodeFormProps<NodeOfType<"http">>) {
  const data = node.data;
  const setHeader = (i: number, header: (typeof data.headers)[number]) => onChange({ ...data, headers: data.headers.map((h, j) => (j === i ? header : h)) });
  return (
    <>
      <Field label="Method">
        <NativeSelect value={data.method} disabled={disabled} onChange={(e) => onChange({ ...data, method: e.target.value as (typeof methods)[number] })}>
          {methods.map((m) => (
            <option key={m}>{m}</option>
          ))}
        </NativeSelect>
      </Field>
      <TemplateField single label="URL" placeholder="https://api.example.com/items" value={data.url} refs={refs} error={problem("url")} disabled={disabled} onChange={(url) => onChange({ ...data, url })} />
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Headers</legend>
        {data.headers.map((header, i) => (
          <HttpHeaderRow
            key={i}
            index={i}
            header={header}
            problem={problem(`headers.${i}.value`)}
            disabled={disabled}
            onChange={(next) => setHeader(i, next)}
            onRemove={() => onChange({ ...data, headers: data.headers.filter((_, j) => j !== i) })}
          />
        ))}
        <Button variant="outline" size="sm" className="justify-self-start" disabled={disabled} onClick={() => onChange({ ...data, headers: [...data.headers, { name: "", value: "", secret: false }] })}>
          <Plus aria-hidden /> Add header
        </Button>
      </fieldset>
      {data.method !== "GET" && <TemplateField label="Body" value={data.body} refs={refs} error={problem("body")} rows={4} monospace disabled={disabled} onChange={(body) => onChange({ ...data, body })} />}
    </>
  );
}

export function IfElseForm({ node, onChange, refs, problem, disabled }: NodeFormProps<NodeOfType<"if-else">>) {
  const data = node.data;
  type Condition = (typeof data.conditions)[number];
  const setCondition = (i: number, condition: Condition) => onChange({ ...data, conditions: data.conditions.map((c, j) => (j === i ? condition : c)) });
  return (
    <>
      <Field label="Match">
        <NativeSelect value={data.logic} disabled={disabled} onChange={(e) => onChange({ ...data, logic: e.target.value as "and" | "or" })}>
          <option value="and">All conditions (and)</option>
          <option value="or">Any condition (or)</option>
        </NativeSelect>
      </Field>
      <fieldset className="grid gap-3">
        <legend className="mb-1 text-sm font-medium">Conditions</legend>
        {data.conditions.map((condition, i) => (
          <div key={i} className="grid gap-2 rounded-md border p-2" role="group" aria-label={`Condition ${i + 1}`}>
            <ReferenceSelect label={`Condition ${i + 1} left`} value={condition.left} options={refs} disabled={disabled} onChange={(left) => setCondition(i, { ...condition, left })} />
            <NativeSelect aria-label={`Condition ${i + 1} operator`} value={condition.operator} disabled={disabled} onChange={(e) => setCondition(i, { ...condition, operator: e.target.value as Condition["operator"] })}>
              {conditionOperators.map((op) => (
                <option key={op} value={op}>
                  {op.replaceAll("-", " ")}
                </option>
              ))}
            </NativeSelect>
            {!noValue.has(condition.operator) && (
              <Input aria-label={`Condition ${i + 1} right`} placeholder="A value or {{node.output}}" value={condition.right} disabled={disabled} onChange={(e) => setCondition(i, { ...condition, right: e.target.value })} />
            )}
            {[problem(`conditions.${i}.left`), problem(`conditions.${i}.right`)].filter(Boolean).map((m) => (
              <p key={m} className="text-[13px] text-destructive">{m}</p>
            ))}
            <Button variant="ghost" size="sm" className="justify-self-start" disabled={disabled} onClick={() => onChange({ ...data, conditions: data.conditions.filter((_, j) => j !== i) })}>
              <X aria-hidden /> Remove condition {i + 1}
            </Button>
          </div>
        ))}
        {problem("conditions") && <p className="text-[13px] text-destructive">{problem("conditions")}</p>}
        <Button variant="outline" size="sm" className="justify-self-start" disabled={disabled} onClick={() => onChange({ ...data, conditions: [...data.conditions, { left: "", operator: "equals", right: "" }] })}>
          <Plus aria-hidden /> Add condition
        </Button>
      </fieldset>
      <p className="text-xs text-muted-foreground">Connect the next steps from the node&apos;s true and false sides.</p>
    </>
  );
}

export function IterationForm({ node, onChange, refs, problem, disabled, bodyRefs }: NodeFormProps<NodeOfType<"iteration">> & { bodyRefs: NodeFormProps<NodeOfType<"iteration">>["refs"] }) {
  const data = node.data;
  return (
    <>
      <Field label="Items" hint="A list from an earlier step; the body runs once per item." error={problem("items")}>
        <ReferenceSelect value={data.items} options={refs} disabled={disabled} onChange={(items) => onChange({ ...data, items })} />
      </Field>
      <Field label="Output per item" hint="A value from inside the body, collected into results." error={problem("output")}>
        <ReferenceSelect value={data.output} options={bodyRefs} disabled={disabled} onChange={(output) => onChange({ ...data, output })} />
      </Field>
      <Field label="Items at a time">
        <Input type="number" min={1} max={10} value={data.concurrency} disabled={disabled} onChange={(e) => onChange({ ...data, concurrency: Math.min(10, Math.max(1, Math.round(Number(e.target.value) || 1))) })} />
      </Field>
      {problem("body") && <p className="text-[13px] text-destructive">{problem("body")}</p>}
      <p className="text-xs text-muted-foreground">With the Iteration selected, the palette adds steps inside it.</p>
    </>
  );
}

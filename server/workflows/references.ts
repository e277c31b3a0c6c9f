// `{{node.field}}` references: how a node reads the outputs of the nodes before it. A reference is a node id, an
// output name, and optionally a path into that output (`{{http_1.json.items}}`). Text around references makes a
// string; a slot that holds exactly one reference passes the referenced value with its type (a list stays a list).

export interface Reference {
  nodeId: string;
  output: string;
  /** Keys into the output's value (object properties or array indexes). */
  path: string[];
  /** As written, without braces: `node.field.path`. */
  text: string;
}

const part = "[A-Za-z_][A-Za-z0-9_]*";
const referenceText = `${part}\\.${part}(?:\\.(?:${part}|\\d+))*`;
const inTemplate = new RegExp(`\\{\\{\\s*(${referenceText})\\s*\\}\\}`, "g");
const whole = new RegExp(`^\\s*\\{\\{\\s*(${referenceText})\\s*\\}\\}\\s*$`);
const bare = new RegExp(`^\\s*(${referenceText})\\s*$`);

function toReference(text: string): Reference {
  const [nodeId, output, ...path] = text.split(".");
  return { nodeId: nodeId!, output: output!, path, text };
}

/** Every reference in a template, in order (repeats included). */
export function findReferences(template: string): Reference[] {
  return [...template.matchAll(inTemplate)].map((match) => toReference(match[1]!));
}

/** The reference when the template is exactly one (`{{a.b}}`), else null. */
export function soleReference(template: string): Reference | null {
  const match = whole.exec(template);
  return match ? toReference(match[1]!) : null;
}

/** A bare reference (`node.field`, as If/Else and Iteration take them), or null when it is not one. */
export function parseReference(text: string): Reference | null {
  const match = bare.exec(text);
  return match ? toReference(match[1]!) : null;
}

/** Reads a reference's value from node outputs; undefined when any step is missing. */
export function readReference(outputs: ReadonlyMap<string, Record<string, unknown>>, ref: Reference): unknown {
  let value: unknown = outputs.get(ref.nodeId)?.[ref.output];
  for (const key of ref.path) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** How a value reads inside text: strings as they are, everything else as JSON; missing values as nothing. */
export function valueAsText(value: unknown): string {
  if (value === undefined || value === null) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** A template's value: the typed value of a sole reference, else the text with each reference filled in. */
export function renderTemplate(template: string, outputs: ReadonlyMap<string, Record<string, unknown>>): unknown {
  const sole = soleReference(template);
  if (sole) return readReference(outputs, sole);
  return template.replace(inTemplate, (_, text: string) => valueAsText(readReference(outputs, toReference(text))));
}

/** Like renderTemplate, always as text (prompts, URLs, headers). */
export function renderText(template: string, outputs: ReadonlyMap<string, Record<string, unknown>>): string {
  return valueAsText(renderTemplate(template, outputs));
}

// Fills `{{key}}` placeholders in an app's instructions from its validated inputs.

const placeholder = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

function toText(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  // JSON variables: pretty-printed, so the model reads structure as a person would.
  return JSON.stringify(value, null, 2);
}

/** Unknown placeholders become empty: a missing optional field should not leak `{{field}}` into the prompt. */
export function renderPrompt(template: string, inputs: Record<string, unknown>): string {
  return template.replace(placeholder, (_match, key: string) => (Object.hasOwn(inputs, key) ? toText(inputs[key]) : ""));
}

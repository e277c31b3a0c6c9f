// An MCP tool node's arguments, typed by the tool's input schema: what a person types in a field is text, so "10"
// for a number parameter is sent as 10 and "true" for a boolean as true. Values of other types, and text the
// schema's type cannot read, are sent as they are: the tool's own validation names the problem.
type Schema = { type?: unknown; properties?: Record<string, { type?: unknown }> };

function typesOf(schema: { type?: unknown } | undefined): string[] {
  const type = schema?.type;
  return Array.isArray(type) ? type.filter((t): t is string => typeof t === "string") : typeof type === "string" ? [type] : [];
}

function coerce(value: unknown, types: string[]): unknown {
  if (typeof value !== "string" || types.length === 0 || types.includes("string")) return value;
  const text = value.trim();
  if ((types.includes("number") || types.includes("integer")) && text !== "" && Number.isFinite(Number(text))) {
    const number = Number(text);
    if (types.includes("number") || Number.isInteger(number)) return number;
  }
  if (types.includes("boolean") && (text === "true" || text === "false")) return text === "true";
  if ((types.includes("object") || types.includes("array")) && /^[[{]/.test(text)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

export function typedToolArguments(args: Record<string, unknown>, inputSchema: unknown): Record<string, unknown> {
  const properties = (inputSchema as Schema | undefined)?.properties ?? {};
  return Object.fromEntries(Object.entries(args).map(([key, value]) => [key, coerce(value, typesOf(Object.hasOwn(properties, key) ? properties[key] : undefined))]));
}

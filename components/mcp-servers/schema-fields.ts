// A tool's inputSchema (JSON Schema) -> the parameters table and the "Try it" form.

export type FieldKind = "string" | "enum" | "number" | "integer" | "boolean" | "json";

export interface SchemaField {
  name: string;
  kind: FieldKind;
  /** As a person reads it: "string", "integer", "array of string", "string | null". */
  typeLabel: string;
  required: boolean;
  title?: string;
  description?: string;
  enumValues?: string[];
  default?: unknown;
}

type Schema = Record<string, unknown>;

const asSchema = (value: unknown): Schema => (value && typeof value === "object" && !Array.isArray(value) ? (value as Schema) : {});

function typesOf(schema: Schema): string[] {
  if (Array.isArray(schema.type)) return schema.type.filter((t): t is string => typeof t === "string");
  if (typeof schema.type === "string") return [schema.type];
  const union = (schema.anyOf ?? schema.oneOf) as unknown;
  if (Array.isArray(union)) return [...new Set(union.flatMap((s) => typesOf(asSchema(s))))];
  return [];
}

function typeLabel(schema: Schema): string {
  const types = typesOf(schema);
  if (types.length === 0) return Array.isArray(schema.enum) ? "enum" : "any";
  return types
    .map((t) => {
      const items = typesOf(asSchema(schema.items));
      return t === "array" && items.length ? `array of ${items.join(" | ")}` : t;
    })
    .join(" | ");
}

function kindOf(schema: Schema): FieldKind {
  if (Array.isArray(schema.enum) && schema.enum.length > 0 && schema.enum.every((v) => typeof v === "string")) return "enum";
  const types = typesOf(schema).filter((t) => t !== "null");
  if (types.length !== 1) return "json";
  const [type] = types;
  return type === "string" || type === "number" || type === "integer" || type === "boolean" ? type : "json";
}

export function schemaFields(inputSchema: unknown): SchemaField[] {
  const schema = asSchema(inputSchema);
  const properties = asSchema(schema.properties);
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  return Object.entries(properties).map(([name, value]) => {
    const property = asSchema(value);
    return {
      name,
      kind: kindOf(property),
      typeLabel: typeLabel(property),
      required: required.has(name),
      title: typeof property.title === "string" ? property.title : undefined,
      description: typeof property.description === "string" ? property.description : undefined,
      enumValues: Array.isArray(property.enum) ? property.enum.map((v) => (typeof v === "string" ? v : JSON.stringify(v))) : undefined,
      default: property.default,
    };
  });
}

export type FormValues = Record<string, string | boolean>;

export function initialValues(fields: SchemaField[]): FormValues {
  return Object.fromEntries(
    fields.map((f) => {
      if (f.kind === "boolean") return [f.name, f.default === true];
      if (f.default === undefined) return [f.name, ""];
      return [f.name, f.kind === "json" ? JSON.stringify(f.default, null, 2) : String(f.default)];
    }),
  );
}

/** The arguments to send, or an error per field. Empty optional fields are left out. */
export function buildArguments(fields: SchemaField[], values: FormValues) {
  const args: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (field.kind === "boolean") {
      if (field.required || value !== (field.default === true)) args[field.name] = value === true;
      continue;
    }
    const text = typeof value === "string" ? value : "";
    if (text.trim() === "") {
      if (field.required) errors[field.name] = "Required.";
      continue;
    }
    if (field.kind === "number" || field.kind === "integer") {
      const number = Number(text);
      if (!Number.isFinite(number)) errors[field.name] = "Enter a number.";
      else if (field.kind === "integer" && !Number.isInteger(number)) errors[field.name] = "Enter a whole number.";
      else args[field.name] = number;
    } else if (field.kind === "json") {
      try {
        args[field.name] = JSON.parse(text);
      } catch (error) {
        errors[field.name] = `Enter valid JSON (${error instanceof Error ? error.message : "parse error"}).`;
      }
    } else {
      args[field.name] = text;
    }
  }
  return { args, errors };
}

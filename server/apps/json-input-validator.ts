// JSON Schemas that app authors attach to JSON-object inputs, compiled once per distinct schema.
import "server-only";
import { Ajv, type ValidateFunction } from "ajv";

const ajv = new Ajv({ allErrors: false, strict: false });
const compiled = new Map<string, ValidateFunction | Error>();
const maxCached = 500;

/** A validator for the schema, or the reason it is not a usable JSON Schema. */
export function compileInputSchema(schema: Record<string, unknown>): ValidateFunction | Error {
  const key = JSON.stringify(schema);
  let entry = compiled.get(key);
  if (!entry) {
    try {
      entry = ajv.compile(schema);
    } catch (error) {
      entry = error instanceof Error ? error : new Error(String(error));
    }
    if (compiled.size >= maxCached) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, entry);
  }
  return entry;
}

/** The first problem ajv found, in a form a caller can act on ("/count must be integer"). */
export function describeSchemaErrors(validate: ValidateFunction): string {
  const first = validate.errors?.[0];
  if (!first) return "does not match its schema.";
  return `does not match its schema: ${first.instancePath || "the object"} ${first.message ?? "is invalid"}.`;
}

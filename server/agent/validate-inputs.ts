// Checks a run's inputs against the app's input form and returns clean values, or says which field is wrong.
import type { Variable } from "@/server/apps/app-config";
import { compileInputSchema, describeSchemaErrors } from "@/server/apps/json-input-validator";
import { AppError } from "@/server/errors";

function fail(variable: Variable, problem: string): never {
  throw new AppError("bad_request:app_input", `"${variable.label}" (${variable.key}) ${problem}`);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

function checkValue(variable: Variable, value: unknown): unknown {
  switch (variable.type) {
    case "text":
    case "paragraph": {
      if (typeof value !== "string") fail(variable, "must be text.");
      if (variable.maxLength !== null && value.length > variable.maxLength) fail(variable, `must be at most ${variable.maxLength} characters.`);
      return value;
    }
    case "select": {
      if (typeof value !== "string" || !variable.options.includes(value)) fail(variable, `must be one of: ${variable.options.join(", ")}.`);
      return value;
    }
    case "number": {
      // Form posts and MCP clients often send numbers as strings.
      const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
      if (typeof number !== "number" || !Number.isFinite(number)) fail(variable, "must be a number.");
      if (variable.min !== null && number < variable.min) fail(variable, `must be at least ${variable.min}.`);
      if (variable.max !== null && number > variable.max) fail(variable, `must be at most ${variable.max}.`);
      return number;
    }
    case "checkbox": {
      if (value === "true" || value === "false") return value === "true";
      if (typeof value !== "boolean") fail(variable, "must be true or false.");
      return value;
    }
    case "json": {
      let parsed = value;
      if (typeof value === "string") {
        try {
          parsed = JSON.parse(value);
        } catch {
          fail(variable, "must be valid JSON.");
        }
      }
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) fail(variable, "must be a JSON object.");
      if (variable.jsonSchema) {
        const validate = compileInputSchema(variable.jsonSchema);
        if (validate instanceof Error) fail(variable, "has a schema that is not valid JSON Schema; fix it in the app editor.");
        if (!validate(parsed)) fail(variable, describeSchemaErrors(validate));
      }
      return parsed;
    }
  }
}

/** Unknown keys are dropped; empty optional fields fall back to their default, if any. */
export function validateInputs(variables: Variable[], inputs: Record<string, unknown> | null | undefined): Record<string, unknown> {
  const clean: Record<string, unknown> = {};
  for (const variable of variables) {
    const given = inputs?.[variable.key];
    const value = isEmpty(given) ? variable.default : given;
    if (isEmpty(value)) {
      if (variable.required) fail(variable, "is required.");
      continue;
    }
    clean[variable.key] = checkValue(variable, value);
  }
  return clean;
}

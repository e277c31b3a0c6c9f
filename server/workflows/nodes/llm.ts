// LLM: one model call with the node's prompt (after a chatflow's memory); optionally a JSON answer matching the
// node's schema, output as `json` beside the raw `text`.
import "server-only";
import { generateText, jsonSchema, NoObjectGeneratedError, Output, type JSONSchema7 } from "ai";
import { compileInputSchema, describeSchemaErrors } from "@/server/apps/json-input-validator";
import { renderText } from "../references";
import { NodeError, type NodeExecutor } from "./node-executor";
import { modelFailure, nodeModel, tokenUsage, withMemory } from "./node-model";

/** The model's JSON did not match the schema: told apart from other failures to parse the answer. */
class SchemaMismatch extends Error {}

/** The node's schema for the AI SDK, validated with ajv (jsonSchema() alone checks nothing). */
function answerSchema(schema: Record<string, unknown>) {
  const validate = compileInputSchema(schema);
  if (validate instanceof Error) throw new NodeError(`The node's JSON schema is not a valid JSON Schema: ${validate.message}`);
  return jsonSchema<unknown>(schema as JSONSchema7, {
    validate: (value) =>
      validate(value) ? { success: true, value } : { success: false, error: new SchemaMismatch(describeSchemaErrors(validate)) },
  });
}

function findCause(error: unknown): SchemaMismatch | undefined {
  for (let e = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof SchemaMismatch) return e;
  }
  return undefined;
}

export const runLlm: NodeExecutor<"llm"> = async (node, ctx) => {
  const { data } = node;
  const model = await nodeModel(data.model, ctx);
  const system = renderText(data.system, ctx.outputs);
  const prompt = renderText(data.prompt, ctx.outputs);
  if (!prompt.trim()) throw new NodeError("The prompt is empty. Write a prompt, or check the references it uses.");
  const inputs = { model: data.model!.model, system, prompt, ...(ctx.history.length > 0 ? { memory: ctx.history.length } : {}) };
  const output = data.jsonSchema ? Output.object({ schema: answerSchema(data.jsonSchema) }) : undefined;
  // OpenAI-compatible providers get only "answer JSON" (json_object) without the schema: the model is told it here.
  const jsonRule = data.jsonSchema ? `Answer with one JSON value only, matching this JSON Schema:\n${JSON.stringify(data.jsonSchema)}` : "";
  const fullSystem = [system, jsonRule].filter(Boolean).join("\n\n");
  try {
    const result = await generateText({
      model,
      system: fullSystem || undefined,
      messages: withMemory(ctx.history, prompt),
      ...(output ? { output } : {}),
      temperature: data.model!.temperature ?? undefined,
      maxOutputTokens: data.model!.maxTokens ?? undefined,
      abortSignal: ctx.signal,
    });
    const outputs: Record<string, unknown> = { text: result.text };
    if (output) outputs.json = result.output;
    return { inputs, outputs, usage: tokenUsage(result.totalUsage) };
  } catch (error) {
    if (!ctx.signal.aborted && NoObjectGeneratedError.isInstance(error)) {
      const mismatch = findCause(error);
      const answer = (error.text ?? "").slice(0, 200);
      throw new NodeError(
        mismatch
          ? `The model's JSON answer ${mismatch.message} Make the prompt say what to answer, or loosen the schema.`
          : `The model did not answer with JSON (it said: "${answer}"). Ask for JSON in the prompt, or choose a model that supports structured output.`,
      );
    }
    throw modelFailure(error, ctx.signal);
  }
};

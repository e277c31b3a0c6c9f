// How a RuntimeToolResult goes back to the model. Providers that take rich tool results (images) get the parts;
// the rest receive what the provider adapter can express, which the AI SDK decides per provider.
import type { Tool } from "ai";
import { resultText, type RuntimeToolContent, type RuntimeToolResult } from "./runtime-tool";

export type ToolModelOutput = Awaited<ReturnType<NonNullable<Tool["toModelOutput"]>>>;

function resourceText({ resource }: Extract<RuntimeToolContent, { type: "resource" }>): string {
  const header = `Resource ${resource.uri}${resource.mimeType ? ` (${resource.mimeType})` : ""}`;
  return resource.text ? `${header}:\n${resource.text}` : header;
}

export function toModelOutput(result: RuntimeToolResult): ToolModelOutput {
  const text = resultText(result);
  // An error result goes back flagged as an error (Anthropic's is_error, for example), so the model can react to it.
  if (result.isError) return { type: "error-text", value: text || "The tool reported an error without a message." };
  if (result.content.every((part) => part.type === "text")) {
    if (text) return { type: "text", value: text };
    if (result.structuredContent !== undefined) return { type: "json", value: result.structuredContent as never };
    return { type: "text", value: "The tool returned no output." };
  }
  return {
    type: "content",
    value: result.content.map((part) =>
      part.type === "text"
        ? { type: "text" as const, text: part.text }
        : part.type === "image"
          ? { type: "image-data" as const, data: part.data, mediaType: part.mimeType }
          : { type: "text" as const, text: resourceText(part) },
    ),
  };
}

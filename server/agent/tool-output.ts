// How a RuntimeToolResult goes back to the model: text capped per result (the whole result stays in the stored
// trace), and images as the model can take them (tool-images.ts), or as a short note for models that cannot see.
import type { Tool } from "ai";
import type { ToolImageMode } from "@/server/llm/model-vision";
import { resultText, type RuntimeToolContent, type RuntimeToolResult } from "./runtime-tool";

export type ToolModelOutput = Awaited<ReturnType<NonNullable<Tool["toModelOutput"]>>>;

export interface ToolOutputOptions {
  images: ToolImageMode;
  /** Characters of text per result sent to the model; the rest is cut with a note. */
  maxChars: number;
}

type ContentPart = { type: "text"; text: string } | { type: "image-data"; data: string; mediaType: string };

function resourceText({ resource }: Extract<RuntimeToolContent, { type: "resource" }>): string {
  const header = `Resource ${resource.uri}${resource.mimeType ? ` (${resource.mimeType})` : ""}`;
  return resource.text ? `${header}:\n${resource.text}` : header;
}

/** Bytes of base64 data, without decoding it. */
function decodedBytes(base64: string): number {
  const padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
  return Math.max(0, Math.floor((base64.length * 3) / 4) - padding);
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

export function imagePlaceholder(mimeType: string, base64: string): string {
  return `[${mimeType} image, ${formatSize(decodedBytes(base64))}, not shown: this model does not take images]`;
}

export function truncationNote(moreChars: number): string {
  return `[truncated: ${moreChars.toLocaleString("en-US")} more characters; the full result is in the trace]`;
}

/** Cuts the text parts once their total passes maxChars; the first cut part ends with the note, later ones go. */
function capText(parts: ContentPart[], maxChars: number): ContentPart[] {
  const total = parts.reduce((sum, part) => sum + (part.type === "text" ? part.text.length : 0), 0);
  if (total <= maxChars) return parts;
  let budget = maxChars;
  const capped: ContentPart[] = [];
  let noted = false;
  for (const part of parts) {
    if (part.type !== "text") capped.push(part);
    else if (part.text.length <= budget) {
      capped.push(part);
      budget -= part.text.length;
    } else if (!noted) {
      capped.push({ type: "text", text: `${part.text.slice(0, budget)}\n${truncationNote(total - maxChars)}` });
      budget = 0;
      noted = true;
    }
  }
  return capped;
}

function toParts(result: RuntimeToolResult, images: ToolImageMode): ContentPart[] {
  return result.content.map((part): ContentPart => {
    switch (part.type) {
      case "text":
        return { type: "text", text: part.text };
      case "resource":
        return { type: "text", text: resourceText(part) };
      case "resource_link":
        return { type: "text", text: `Resource link ${part.uri}${part.name ? ` "${part.name}"` : ""}${part.mimeType ? ` (${part.mimeType})` : ""}` };
      case "audio":
        // No provider here takes audio in a tool's answer; the person still hears it in the trace.
        return { type: "text", text: `[${part.mimeType} audio, ${formatSize(decodedBytes(part.data))}, not sent: the model does not take audio from tools]` };
      case "image":
        if (images === "none") return { type: "text", text: imagePlaceholder(part.mimeType, part.data) };
        return { type: "image-data", data: part.data, mediaType: part.mimeType };
    }
  });
}

export function toModelOutput(result: RuntimeToolResult, { images, maxChars }: ToolOutputOptions): ToolModelOutput {
  const text = (value: string) => capText([{ type: "text", text: value }], maxChars).map((part) => (part.type === "text" ? part.text : "")).join("");
  // An error result goes back flagged as an error (Anthropic's is_error, for example), so the model can react to it.
  if (result.isError) return { type: "error-text", value: text(resultText(result) || "The tool reported an error without a message.") };
  const parts = capText(toParts(result, images), maxChars);
  if (parts.every((part) => part.type === "text")) {
    const joined = parts.map((part) => part.text).join("\n");
    if (joined) return { type: "text", value: joined };
    if (result.structuredContent !== undefined) {
      const json = JSON.stringify(result.structuredContent);
      // Long structured output is sent as its (cut) text, which the model reads the same way.
      return json.length <= maxChars ? { type: "json", value: result.structuredContent as never } : { type: "text", value: text(json) };
    }
    return { type: "text", value: "The tool returned no output." };
  }
  return { type: "content", value: parts };
}

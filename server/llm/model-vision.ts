// Whether a model takes images, and how a tool's images must reach it. The flag is per model in the provider's list
// (Settings -> Model providers); a model without one gets the default below, from its id.
import type { ProviderKind, ProviderModel } from "@/server/db/schema";

// Families whose chat models take images (provider docs, model cards). Text-only cousins are excluded below.
const visionFamilies =
  /gpt-4o|gpt-4\.1|gpt-4-turbo|gpt-4-vision|gpt-5|chatgpt-4o|(^|\/)o[134](-|$)|claude-(3|sonnet-4|opus-4|haiku-4)|claude-[a-z]+-4|gemini|gemma-?3|llava|bakllava|moondream|pixtral|vision|-vl\b|-vl-|qwen2?\.?5?-?vl|llama-?4|minicpm-v|grok-(2-vision|4)/i;
const textOnly = /o[13]-mini|embedding|audio|realtime|search|codex/i;

export function defaultVision(modelId: string): boolean {
  return visionFamilies.test(modelId) && !textOnly.test(modelId);
}

/** A model's flag as stored, or the default for its id when the list predates the flag. */
export function modelVision(model: Pick<ProviderModel, "id" | "vision">): boolean {
  return model.vision ?? defaultVision(model.id);
}

/**
 * How images in tool results go to a model: inside the tool result (Anthropic takes image blocks in tool_result),
 * in a user message after the tool results (OpenAI's chat API takes only text in tool messages, and the AI SDK
 * stringifies anything else into base64 text there), or not at all, as a short placeholder.
 */
export type ToolImageMode = "tool-result" | "user-message" | "none";

export function toolImageMode(kind: ProviderKind, vision: boolean): ToolImageMode {
  if (!vision) return "none";
  return kind === "anthropic" ? "tool-result" : "user-message";
}

// Images from tools for models whose API takes images only from the user: OpenAI's chat completions accept text
// alone in a tool message, and the AI SDK's openai and openai-compatible adapters stringify any other tool output
// there (a 20x20 PNG became 5,633 characters of base64). Each tool message's images move to a user message right
// after it, where the adapters send them as image_url parts; the tool result keeps a note saying where they went.
import type { ImagePart, ModelMessage, TextPart, ToolModelMessage } from "ai";

type ToolContent = ToolModelMessage["content"][number];

export function moveToolImagesToUserMessages(messages: ModelMessage[]): ModelMessage[] {
  return messages.flatMap((message): ModelMessage[] => {
    if (message.role !== "tool") return [message];
    const moved: Array<TextPart | ImagePart> = [];
    const content = message.content.map((part): ToolContent => {
      if (part.type !== "tool-result" || part.output.type !== "content") return part;
      const texts: string[] = [];
      let images = 0;
      for (const item of part.output.value) {
        if (item.type === "text") texts.push(item.text);
        else if (item.type === "image-data") {
          if (images === 0) moved.push({ type: "text", text: `Images returned by ${part.toolName} (call ${part.toolCallId}):` });
          moved.push({ type: "image", image: item.data, mediaType: item.mediaType });
          images += 1;
        }
      }
      if (images > 0) texts.push(`[${images === 1 ? "1 image" : `${images} images`}: shown in the next user message]`);
      return { ...part, output: { type: "text", value: texts.join("\n") } };
    });
    if (moved.length === 0) return [message];
    return [{ ...message, content }, { role: "user", content: moved }];
  });
}

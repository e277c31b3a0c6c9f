// What a tool result becomes for the model: the cap across several text parts, placeholders, and the default
// vision flag of well-known model ids.
import { describe, expect, it } from "vitest";
import { imagePlaceholder, toModelOutput, truncationNote } from "@/server/agent/tool-output";
import { defaultVision, toolImageMode } from "@/server/llm/model-vision";

const png = Buffer.alloc(1_300, 7).toString("base64");

describe("toModelOutput", () => {
  it("cuts the text parts together at the cap, notes what is left out, and drops parts past the cut", () => {
    const result = { content: [{ type: "text" as const, text: "a".repeat(6) }, { type: "text" as const, text: "b".repeat(6) }, { type: "text" as const, text: "c".repeat(6) }] };
    expect(toModelOutput(result, { images: "none", maxChars: 8 })).toEqual({ type: "text", value: `aaaaaa\nbb\n${truncationNote(10)}` });
  });

  it("leaves a result at exactly the cap whole", () => {
    expect(toModelOutput({ content: [{ type: "text", text: "x".repeat(10) }] }, { images: "none", maxChars: 10 })).toEqual({ type: "text", value: "x".repeat(10) });
  });

  it("caps error text and long structured content too", () => {
    expect(toModelOutput({ content: [{ type: "text", text: "e".repeat(20) }], isError: true }, { images: "none", maxChars: 5 })).toEqual({
      type: "error-text",
      value: `eeeee\n${truncationNote(15)}`,
    });
    const structured = { rows: "r".repeat(50) };
    expect(toModelOutput({ content: [], structuredContent: structured }, { images: "none", maxChars: 1_000 })).toEqual({ type: "json", value: structured });
    const cut = toModelOutput({ content: [], structuredContent: structured }, { images: "none", maxChars: 20 });
    expect(cut).toEqual({ type: "text", value: `${JSON.stringify(structured).slice(0, 20)}\n${truncationNote(JSON.stringify(structured).length - 20)}` });
  });

  it("replaces images with a note of their type and size for models that cannot see, and keeps them otherwise", () => {
    const result = { content: [{ type: "image" as const, data: png, mimeType: "image/png" }] };
    expect(imagePlaceholder("image/png", png)).toBe("[image/png image, 1.3 KB, not shown: this model does not take images]");
    expect(toModelOutput(result, { images: "none", maxChars: 100 })).toEqual({ type: "text", value: imagePlaceholder("image/png", png) });
    expect(toModelOutput(result, { images: "user-message", maxChars: 100 })).toEqual({ type: "content", value: [{ type: "image-data", data: png, mediaType: "image/png" }] });
  });
});

describe("vision defaults", () => {
  it.each(["gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-5", "o3", "claude-sonnet-4-5", "claude-3-5-sonnet-latest", "gemini-2.5-flash", "llava:13b", "qwen2.5-vl-72b-instruct", "pixtral-12b"])(
    "%s sees",
    (id) => expect(defaultVision(id)).toBe(true),
  );
  it.each(["gpt-3.5-turbo", "deepseek-chat", "o3-mini", "o1-mini", "qwen-plus", "mistral-large", "scripted-model"])("%s does not", (id) => expect(defaultVision(id)).toBe(false));

  it("a model that sees gets images in the tool result on Anthropic, in a user message elsewhere", () => {
    expect(toolImageMode("anthropic", true)).toBe("tool-result");
    expect(toolImageMode("openai", true)).toBe("user-message");
    expect(toolImageMode("openai_compatible", true)).toBe("user-message");
    expect(toolImageMode("anthropic", false)).toBe("none");
  });
});

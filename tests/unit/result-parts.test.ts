// The console renders stored tool results from third-party servers: media only from allow-listed types and valid
// base64, SVG never as an image, links only for http(s).
import { describe, expect, it } from "vitest";
import { resultParts } from "@/components/tool-results/result-parts";

const png = Buffer.from("not really a png").toString("base64");
const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`).toString("base64");

describe("resultParts", () => {
  it("turns allowed images and audio into data: URLs of the stored base64", () => {
    expect(resultParts({ content: [{ type: "image", data: png, mimeType: "image/png" }, { type: "audio", data: png, mimeType: "audio/wav" }] })).toEqual([
      { kind: "image", src: `data:image/png;base64,${png}`, mimeType: "image/png", bytes: 16 },
      { kind: "audio", src: `data:audio/wav;base64,${png}`, mimeType: "audio/wav", bytes: 16 },
    ]);
  });

  it("shows an SVG image as its text, never as an image", () => {
    expect(resultParts({ content: [{ type: "image", data: svg, mimeType: "image/svg+xml" }] })).toEqual([
      { kind: "media-text", mimeType: "image/svg+xml", text: expect.stringContaining("<script>alert(1)</script>") },
    ]);
  });

  it.each([
    ["a type off the list", { type: "image", data: png, mimeType: "text/html" }],
    ["a type with parameters smuggled in", { type: "image", data: png, mimeType: "image/png;charset=x,<script>" }],
    ["data that is not base64", { type: "image", data: `${png}"><script>`, mimeType: "image/png" }],
    ["data that is not a string", { type: "audio", data: { evil: true }, mimeType: "audio/ogg" }],
    ["audio as video", { type: "audio", data: png, mimeType: "video/mp4" }],
  ])("names but does not render %s", (_, block) => {
    const [part] = resultParts({ content: [block] })!;
    expect(part!.kind).toBe("media-note");
    expect(JSON.stringify(part)).not.toContain("data:");
  });

  it("links only http(s) resource links; others show as text", () => {
    expect(
      resultParts({
        content: [
          { type: "resource_link", uri: "https://example.com/report.pdf", name: "Report", mimeType: "application/pdf" },
          { type: "resource_link", uri: "javascript:alert(1)", name: "Click" },
          { type: "resource_link", uri: "file:///etc/passwd" },
        ],
      }),
    ).toEqual([
      { kind: "link", uri: "https://example.com/report.pdf", href: "https://example.com/report.pdf", name: "Report", mimeType: "application/pdf" },
      { kind: "link", uri: "javascript:alert(1)", href: null, name: "Click", mimeType: undefined },
      { kind: "link", uri: "file:///etc/passwd", href: null, name: undefined, mimeType: undefined },
    ]);
  });

  it("reads resources, and leaves anything not shaped like a tool result to be shown as JSON", () => {
    expect(resultParts({ content: [{ type: "resource", resource: { uri: "file:///notes.md", mimeType: "text/markdown", text: "# Notes" } }] })).toEqual([
      { kind: "resource", uri: "file:///notes.md", mimeType: "text/markdown", text: "# Notes" },
    ]);
    expect(resultParts(null)).toBeNull();
    expect(resultParts({ content: "text" })).toBeNull();
    expect(resultParts([1, 2])).toBeNull();
  });
});

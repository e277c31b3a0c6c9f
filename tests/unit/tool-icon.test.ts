// The tool icon's URL and picture (tool-icon.ts): every icon the app form accepts makes a URL that draws it back,
// and nothing in an emoji becomes markup.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { iconSvg, toolIconUrl, toolIcons } from "@/server/mcp/server/tool-icon";

const appUrl = "https://switchyard.example";
const parts = (url: string) => {
  const match = /^https:\/\/switchyard\.example\/mcp\/icons\/([^/]+)\/([^/]+)$/.exec(url);
  if (!match) throw new Error(`not an icon URL: ${url}`);
  return [match[1]!, match[2]!] as const;
};
const textOf = (svg: string) => /<text [^>]*>([^<]*)<\/text>/.exec(svg)?.[1];

describe("toolIconUrl and iconSvg", () => {
  it("an emoji on its colour goes into the URL and comes back drawn on that colour", () => {
    const url = toolIconUrl({ icon: "🌦️", iconBackground: "#E0F2FE" }, appUrl);
    const svg = iconSvg(...parts(url))!;
    expect(svg).toContain(`fill="#E0F2FE"`);
    expect(textOf(svg)).toBe("🌦️");
    expect(svg.startsWith(`<svg xmlns="http://www.w3.org/2000/svg"`)).toBe(true);
  });

  it("any icon the app form accepts round-trips, with XML's special characters escaped", () => {
    const icon = fc.string({ unit: "grapheme", minLength: 1, maxLength: 16 }).filter((s) => s.length <= 16 && !/[\u0000-\u001f]/.test(s));
    const colour = fc.stringMatching(/^#[0-9a-fA-F]{6}$/);
    fc.assert(
      fc.property(icon, colour, (emoji, iconBackground) => {
        const svg = iconSvg(...parts(toolIconUrl({ icon: emoji, iconBackground }, appUrl)));
        expect(svg).not.toBeNull();
        const unescaped = textOf(svg!)!.replace(/&(lt|gt|quot|apos|amp);/g, (_, name: string) => ({ lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" })[name]!);
        expect(unescaped).toBe(emoji);
      }),
      { numRuns: 2_000 },
    );
  });

  it("markup in an icon is drawn as text, never as elements or entity references", () => {
    const url = toolIconUrl({ icon: `<script>&x;"'`, iconBackground: "#000000" }, appUrl);
    const svg = iconSvg(...parts(url))!;
    expect(textOf(svg)).toBe("&lt;script&gt;&amp;x;&quot;&apos;");
    // <svg>, <rect>, <text>, </text>, </svg>: the icon adds none.
    expect(svg.match(/</g)).toHaveLength(5);
  });

  it.each([
    ["a short colour", "fff", "8J-Mpg.svg"],
    ["a colour with a hash", "%23ffffff", "8J-Mpg.svg"],
    ["no .svg", "ffffff", "8J-Mpg"],
    ["another extension", "ffffff", "8J-Mpg.png"],
    ["padding", "ffffff", "8J-Mpg==.svg"],
    ["a non-canonical encoding", "ffffff", "8J-Mph.svg"],
    ["invalid UTF-8", "ffffff", `${Buffer.from([0xff, 0xfe]).toString("base64url")}.svg`],
    ["a control character", "ffffff", `${Buffer.from("a\u0001").toString("base64url")}.svg`],
    ["too long an icon", "ffffff", `${Buffer.from("x".repeat(17)).toString("base64url")}.svg`],
    ["an empty icon", "ffffff", ".svg"],
  ])("%s is not a picture", (_, background, file) => {
    expect(iconSvg(background, file)).toBeNull();
  });

  it("an app whose icon cannot be drawn lists no icon rather than a broken link", () => {
    expect(toolIcons({ icon: "a\u0007", iconBackground: "#ffffff" })).toEqual([]);
    expect(toolIcons({ icon: "🤖", iconBackground: "#ffffff" })).toHaveLength(1);
  });
});

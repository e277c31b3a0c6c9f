// Property-based fuzzing of the tool icon route (app/mcp/icons): whatever the two path segments hold, the answer is
// either our one SVG shape with the image headers, or a 404; an emoji never adds an element, attribute or entity.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/mcp/icons/[background]/[file]/route";

const ourShape =
  /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="64" height="64" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="#[0-9a-fA-F]{6}"\/><text x="32" y="34" font-size="36" text-anchor="middle" dominant-baseline="central">((?:[^<>&"']|&(?:lt|gt|amp|quot|apos);)+)<\/text><\/svg>$/;

async function get(background: string, file: string) {
  return GET(new Request(`http://localhost/mcp/icons/x/y`), { params: Promise.resolve({ background, file }) } as never);
}

const hostileText = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.constantFrom("<script>alert(1)</script>", "&xxe;", "]]>", `"/><image href="x" onerror="alert(1)`, "<!ENTITY a 'b'>", "\u0000", "\ud800", "\ufffe", "</text><script/>"),
);
// A URL's second segment as a client could send it: the base64url of hostile text (so it passes the shape check and
// reaches the decoder), or junk.
const file = fc.oneof(
  { weight: 3, arbitrary: hostileText.map((t) => `${Buffer.from(t).toString("base64url")}.svg`) },
  fc.uint8Array({ maxLength: 60 }).map((bytes) => `${Buffer.from(bytes).toString("base64url")}.svg`),
  fc.string({ maxLength: 90 }),
  fc.string({ maxLength: 90 }).map((s) => `${s}.svg`),
);
const background = fc.oneof(fc.stringMatching(/^[0-9a-fA-F]{6}$/), fc.string({ maxLength: 10 }), fc.constantFrom("ffffff\"", "fff", "%23ffffff", "ffffff/"));

describe("the tool icon route under fuzzing", () => {
  it("answers our SVG with the image headers, or 404, for any pair of segments", async () => {
    await fc.assert(
      fc.asyncProperty(background, file, async (bg, name) => {
        const response = await get(bg, name);
        expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; style-src 'unsafe-inline'");
        expect(response.headers.get("x-content-type-options")).toBe("nosniff");
        if (response.status === 404) {
          expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
          expect(await response.text()).toBe("Not found");
          return;
        }
        expect(response.status).toBe(200);
        expect(response.headers.get("content-type")).toBe("image/svg+xml");
        expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
        const svg = await response.text();
        const match = ourShape.exec(svg);
        expect(match, svg).not.toBeNull();
        expect(svg).toContain(`fill="#${bg}"`);
        // The drawn text is the decoded file, character for character.
        const drawn = match![1]!.replace(/&(lt|gt|amp|quot|apos);/g, (_, n: string) => ({ lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" })[n]!);
        expect(Buffer.from(drawn).toString("base64url") + ".svg").toBe(name);
      }),
      { numRuns: 3_000 },
    );
  });

  it.each([
    ["a script", "<script>"],
    ["an entity reference", "&xxe;"],
    ["a closing tag", "</text><a/>"],
  ])("%s in the emoji is drawn as text", async (_, text) => {
    const response = await get("ffffff", `${Buffer.from(text).toString("base64url")}.svg`);
    expect(response.status).toBe(200);
    const svg = await response.text();
    expect(svg).not.toContain(text);
    expect(svg.match(/<[a-z]/g)).toEqual(["<s", "<r", "<t"]);
  });

  it.each([
    ["a short colour", "fff", "8J-Mpg.svg"],
    ["a colour name", "red", "8J-Mpg.svg"],
    ["a file without .svg", "ffffff", "8J-Mpg"],
    ["a file that is not base64url", "ffffff", "8J+Mpg.svg"],
    ["a non-canonical encoding", "ffffff", "8J-Mph.svg"],
  ])("%s is 404", async (_, bg, name) => {
    expect((await get(bg, name)).status).toBe(404);
  });
});

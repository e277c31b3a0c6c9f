import { describe, expect, it } from "vitest";
import { findReferences, parseReference, renderTemplate, renderText } from "@/server/workflows/references";

const outputs = new Map<string, Record<string, unknown>>([
  ["start", { city: "Oslo", days: 3 }],
  ["http", { json: { items: [{ name: "a" }, { name: "b" }] } }],
]);

describe("workflow references", () => {
  it("finds references with paths and ignores what is not one", () => {
    expect(findReferences("{{start.city}} {{ http.json.items.1.name }} {{nope}} {{a..b}}").map((r) => r.text)).toEqual(["start.city", "http.json.items.1.name"]);
  });

  it("passes a sole reference's value with its type and fills text otherwise", () => {
    expect(renderTemplate(" {{http.json.items}} ", outputs)).toEqual([{ name: "a" }, { name: "b" }]);
    expect(renderTemplate("{{start.days}}", outputs)).toBe(3);
    expect(renderText("{{start.city}} x{{start.days}}: {{http.json.items.0}}", outputs)).toBe('Oslo x3: {"name":"a"}');
  });

  it("reads missing values as nothing, and never walks into prototypes", () => {
    expect(renderText("[{{start.country}}][{{start.city.length}}][{{http.json.constructor}}]", outputs)).toBe("[][][]");
  });

  it("parses bare references only", () => {
    expect(parseReference("start.city")?.nodeId).toBe("start");
    expect(parseReference("{{start.city}}")).toBeNull();
    expect(parseReference("start")).toBeNull();
  });
});

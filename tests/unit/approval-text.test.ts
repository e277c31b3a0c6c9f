import { describe, expect, it } from "vitest";
import { approvalText, parseArguments } from "@/components/app-editor/approval-text";

describe("edited arguments in the approval card", () => {
  it("parse when they are JSON", () => {
    expect(parseArguments('{ "text": "milk" }')).toEqual({ value: { text: "milk" } });
  });

  it("name the line and column of a JSON mistake", () => {
    expect(parseArguments('{\n  "text": "milk",\n}')).toEqual({ error: "The arguments are not valid JSON at line 3, column 1." });
    expect(parseArguments('{ "text": milk }')).toEqual({ error: "The arguments are not valid JSON: Unexpected token 'm'." });
  });

  it("say what is wrong when JSON.parse names no position", () => {
    expect(parseArguments("")).toEqual({ error: expect.stringMatching(/^The arguments are not valid JSON: .+/) });
  });
});

describe("the decision line on a tool step", () => {
  const at = new Date(2026, 11, 6, 10, 42).toISOString();

  it("names who approved, when, and whether they edited", () => {
    const line = approvalText({ decision: "approved", via: "preview", by: "you", at, edited: true });
    expect(line).toMatch(/^Approved by you at .*10.42.* with edited arguments$/);
    expect(approvalText({ decision: "denied", via: "preview", by: "Ada", at, edited: false })).toMatch(/^Denied by Ada at /);
  });

  it("says when nobody answered, and when the policy or the client's user decided", () => {
    expect(approvalText({ decision: "denied", via: "preview", by: null, edited: false })).toBe("Denied: nobody answered within 10 minutes");
    expect(approvalText({ decision: "denied", via: "policy", by: null, edited: false })).toBe("Refused by the server's policy");
    expect(approvalText({ decision: "approved", via: "elicitation", by: null, edited: false })).toBe("Approved by the client's user (elicitation)");
  });
});

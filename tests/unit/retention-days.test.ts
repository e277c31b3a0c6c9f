import { describe, expect, it } from "vitest";
import { parseRetentionDays, shortensRetention } from "@/components/settings/retention-days";

describe("the retention form's days field", () => {
  it("takes a whole number from 1 to 3650, spaces around it allowed", () => {
    expect(parseRetentionDays("1")).toEqual({ days: 1 });
    expect(parseRetentionDays(" 90 ")).toEqual({ days: 90 });
    expect(parseRetentionDays("3650")).toEqual({ days: 3650 });
  });

  it.each([
    ["", /Enter a number/],
    ["0", /at least 1 day/],
    ["3651", /at most 3650/],
    ["99999999999", /at most 3650/],
    ["-5", /whole number/],
    ["2.5", /whole number/],
    ["1e3", /whole number/],
    ["ninety", /whole number/],
    ["<script>", /whole number/],
  ])("refuses %j with a message saying what to enter", (text, message) => {
    const parsed = parseRetentionDays(text);
    expect("error" in parsed && parsed.error).toMatch(message);
  });

  it("asks for confirmation only when the new period deletes more than the old one", () => {
    expect(shortensRetention(null, 30)).toBe(true);
    expect(shortensRetention(90, 30)).toBe(true);
    expect(shortensRetention(30, 90)).toBe(false);
    expect(shortensRetention(30, 30)).toBe(false);
    expect(shortensRetention(30, null)).toBe(false);
  });
});

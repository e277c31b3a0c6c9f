import { describe, expect, it } from "vitest";
import { backoffSeconds } from "@/server/auth/account-backoff";

describe("the account's sign-in backoff", () => {
  it("waits nothing below the threshold, then doubles from one second", () => {
    expect([0, 4, 5, 6, 7, 10].map((failures) => backoffSeconds(failures, 5, 900))).toEqual([0, 0, 1, 2, 4, 32]);
  });

  it("never waits longer than the cap, however many failures", () => {
    expect(backoffSeconds(15, 5, 900)).toBe(900);
    expect(backoffSeconds(10_000, 5, 900)).toBe(900);
  });
});

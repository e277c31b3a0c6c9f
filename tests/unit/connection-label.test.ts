import { describe, expect, it } from "vitest";
import { connectionLabel } from "@/shared/connection-label";

describe("naming the protocol era a server answered with", () => {
  it("names 2026-07-28 stateless, 2025 with and without a session, and HTTP+SSE as deprecated", () => {
    expect(connectionLabel("modern", "2026-07-28")).toBe("2026-07-28 (stateless)");
    expect(connectionLabel("session", "2025-11-25")).toBe("2025-11-25 Streamable HTTP, session");
    expect(connectionLabel("stateless", "2025-06-18")).toBe("2025-06-18 Streamable HTTP, no session");
    expect(connectionLabel("sse", "2025-03-26")).toBe("2025-03-26 HTTP+SSE (deprecated)");
  });

  it("leaves the version out when the server reported none", () => {
    expect(connectionLabel("session", null)).toBe("Streamable HTTP, session");
  });
});

// Our MCP client against servers of each era, all real and on 127.0.0.1: a 2026-07-28-only server (SDK v2,
// legacy rejected), a stateful 2025 server (v1, sessions) and an HTTP+SSE-only server (v1). Test connection names
// the era it found, Auto steps down in order, and a 2025 session is ended with DELETE.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startModernMcpServer, type ModernMcpServer } from "../support/modern-mcp-server";
import { startSessionMcpServer, type SessionMcpServer } from "../support/session-mcp-server";
import { startSseMcpServer, type SseMcpServer } from "../support/sse-mcp-server";
import { callerAs, createOwner } from "../support/fixtures";

let modern: ModernMcpServer;
let session: SessionMcpServer;
let sse: SseMcpServer;

beforeAll(async () => {
  [modern, session, sse] = await Promise.all([startModernMcpServer(), startSessionMcpServer(), startSseMcpServer()]);
});
afterAll(async () => Promise.all([modern?.close(), session?.close(), sse?.close()]));

async function owner() {
  const { user, workspace } = await createOwner();
  return callerAs(user.id, workspace.id);
}

const transportStep = (outcome: { steps: { step: string; detail: string }[] }) => outcome.steps.find((s) => s.step === "transport")?.detail;

describe("Test connection against servers of each protocol era", () => {
  it("a 2026-07-28-only server is discovered without initialize or a session, with custom headers on every request", async () => {
    const caller = await owner();
    const outcome = await caller.mcpServers.testConnection({ connection: { url: modern.url, headers: [{ name: "X-Api-Key", value: "modern-key-1" }] } });
    expect(outcome.ok).toBe(true);
    expect(transportStep(outcome)).toBe("2026-07-28 (stateless)");
    expect(outcome.steps.find((s) => s.step === "initialize")?.detail).toContain("switchyard-modern-tools 2.0.0, protocol 2026-07-28");
    expect(outcome.tools.map((t) => t.name).sort()).toEqual(["add", "echo", "slow"]);
    expect(modern.methods[0]).toBe("server/discover");
    expect(modern.methods).not.toContain("initialize");
    expect(modern.sessionIds).toEqual([]);
    expect(modern.headerValues.every((v) => v === "modern-key-1")).toBe(true);
  });

  it("a stateful 2025 server is reached by initialize after the 2026 probe, and its session is ended with DELETE", async () => {
    const caller = await owner();
    const before = session.methods.length;
    const outcome = await caller.mcpServers.testConnection({ connection: { url: session.url } });
    expect(outcome.ok).toBe(true);
    expect(transportStep(outcome)).toMatch(/^2025-11-25 Streamable HTTP, session \(no 2026-07-28 here, so the 2025 handshake was used\)$/);
    expect(session.methods.slice(before).map((m) => m.method).slice(0, 2)).toEqual(["server/discover", "initialize"]);
    const opened = session.opened.at(-1)!;
    expect(session.deleted).toContain(opened);
    expect(session.open()).toBe(0);
  });

  it("Auto steps down to HTTP+SSE after both Streamable HTTP requests are refused, and says it is deprecated", async () => {
    const caller = await owner();
    const outcome = await caller.mcpServers.testConnection({ connection: { url: sse.url, transport: "auto" } });
    expect(outcome.ok).toBe(true);
    expect(transportStep(outcome)).toMatch(/^20\d\d-\d\d-\d\d HTTP\+SSE \(deprecated\): Streamable HTTP was refused, so Auto fell back to it;/);
    expect(sse.requests.slice(0, 3)).toEqual(["POST /mcp server/discover", "POST /mcp initialize", "GET /mcp"]);
    expect(outcome.tools.map((t) => t.name)).toEqual(["echo", "stall"]);
  });

  it("a server pinned to Streamable HTTP is not tried over SSE, and the trace says why it failed", async () => {
    const caller = await owner();
    const outcome = await caller.mcpServers.testConnection({ connection: { url: sse.url, transport: "streamable_http" } });
    expect(outcome.ok).toBe(false);
    expect(outcome.steps.at(-1)?.detail).toMatch(/HTTP 405/);
  });

  it("a server pinned to HTTP+SSE is not tried over Streamable HTTP: a Streamable-HTTP-only server fails", async () => {
    const caller = await owner();
    const before = session.methods.length;
    const outcome = await caller.mcpServers.testConnection({ connection: { url: session.url, transport: "sse" }, name: "Stateful" });
    expect(outcome.ok).toBe(false);
    expect(outcome.steps.at(-1)).toMatchObject({ step: "initialize", ok: false });
    // No POST reached it: the SSE GET was refused and nothing fell back.
    expect(session.methods.length).toBe(before);
  });

  it("a server pinned to Streamable HTTP that speaks it connects without any SSE request", async () => {
    const caller = await owner();
    const outcome = await caller.mcpServers.testConnection({ connection: { url: session.url, transport: "streamable_http" } });
    expect(outcome.ok).toBe(true);
    expect(transportStep(outcome)).toMatch(/Streamable HTTP, session/);
  });
});

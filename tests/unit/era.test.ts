// The lane shortcut (era.ts) against the SDK's own classification: where the shortcut says "2025", the SDK agrees.
import { isLegacyRequest } from "@modelcontextprotocol/server";
import { describe, expect, it } from "vitest";
import { isLegacyEra, isPlainLegacy } from "@/server/mcp/server/era";

const post = (body: unknown, headers: Record<string, string> = {}) =>
  new Request("http://127.0.0.1/mcp/server/x/mcp", { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
const envelope = { "io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {} };

const legacy: Array<[string, unknown, Record<string, string>]> = [
  ["initialize", { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "c", version: "1" } } }, {}],
  ["tools/list on 2025-11-25", { jsonrpc: "2.0", id: 2, method: "tools/list" }, { "mcp-protocol-version": "2025-11-25" }],
  ["tools/call with a progress token", { jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "t", arguments: {}, _meta: { progressToken: 1 } } }, { "mcp-protocol-version": "2025-06-18" }],
  ["a 2025-03-26 batch", [{ jsonrpc: "2.0", id: 4, method: "ping" }, { jsonrpc: "2.0", method: "notifications/initialized" }], { "mcp-protocol-version": "2025-03-26" }],
  ["a cancellation", { jsonrpc: "2.0", method: "notifications/cancelled", params: { requestId: 3 } }, {}],
];

const modern: Array<[string, unknown, Record<string, string>]> = [
  ["an envelope claim", { jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: envelope } }, { "mcp-protocol-version": "2026-07-28", "mcp-method": "tools/list" }],
  ["a claim without headers", { jsonrpc: "2.0", id: 1, method: "tools/list", params: { _meta: envelope } }, {}],
  ["a modern version header without a claim", { jsonrpc: "2.0", id: 1, method: "tools/list" }, { "mcp-protocol-version": "2026-07-28" }],
];

describe("which lane a request takes", () => {
  it.each(legacy)("%s is 2025 by the shortcut and by the SDK", async (_, body, headers) => {
    expect(isPlainLegacy(post(body, headers), body)).toBe(true);
    expect(await isLegacyRequest(post(body, headers), body)).toBe(true);
  });

  it.each(modern)("%s is left to the SDK, which routes it as the 2026-07-28 lane", async (_, body, headers) => {
    expect(isPlainLegacy(post(body, headers), body)).toBe(false);
    expect(await isLegacyEra(post(body, headers), body)).toBe(false);
  });

  it("an Mcp-Method header without a claim is left to the SDK, which decides (2025: no claim)", async () => {
    const body = { jsonrpc: "2.0", id: 1, method: "tools/list" };
    expect(isPlainLegacy(post(body, { "mcp-method": "tools/call" }), body)).toBe(false);
    expect(await isLegacyEra(post(body, { "mcp-method": "tools/call" }), body)).toBe(await isLegacyRequest(post(body, { "mcp-method": "tools/call" }), body));
  });
});

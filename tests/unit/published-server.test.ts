// Pure parts of the published endpoint: tool names, the input schema, session ids and JSON-RPC parsing.
import { describe, expect, it } from "vitest";
import { appConfigSchema } from "@/server/apps/app-config";
import { buildInputSchema } from "@/server/apps/input-schema";
import { clientInfoFromInitialize, newSessionId, readSessionId } from "@/server/mcp/server/client-session";
import { invalidParamsAnswer, parseMessages } from "@/server/mcp/server/parse-messages";
import { suggestToolName, toolNamePattern } from "@/server/mcp/server/tool-name";

describe("suggestToolName", () => {
  it.each([
    ["Weather Bot (EU)", "weather_bot_eu"],
    ["Café Crème", "cafe_creme"],
    ["  --Docs.Search--  ", "docs.search"],
    ["日本語", "app"],
    ["x".repeat(100), "x".repeat(64)],
  ])("%s becomes %s", (name, expected) => {
    expect(suggestToolName(name)).toBe(expected);
    expect(suggestToolName(name)).toMatch(toolNamePattern);
  });
});

describe("buildInputSchema", () => {
  const variables = appConfigSchema.parse({
    variables: [
      { key: "query", label: "Query field", type: "text" },
      { key: "topic", label: "Topic", type: "text", required: true },
    ],
  }).variables;

  it("chat apps take query and conversation_id, which win over input fields of the same key", () => {
    const schema = buildInputSchema({ appType: "chat", variables, descriptions: {} });
    expect(Object.keys(schema.properties)).toEqual(["query", "conversation_id", "topic"]);
    expect(schema.properties.query!.title).toBe("Message");
    expect(schema.required).toEqual(["query", "topic"]);
  });

  it("completion apps take only their inputs; a description falls back to the form's own", () => {
    const schema = buildInputSchema({ appType: "completion", variables, descriptions: { topic: " " } });
    expect(Object.keys(schema.properties)).toEqual(["query", "topic"]);
    expect(schema.properties.topic).toEqual({ title: "Topic", type: "string" });
  });
});

describe("session ids", () => {
  it("carry the client's name and version and read back", () => {
    const id = newSessionId({ name: "Claude Desktop", version: "0.9.1" });
    expect(id).toMatch(/^[\x21-\x7e]+$/);
    expect(readSessionId(id)).toEqual({ name: "Claude Desktop", version: "0.9.1" });
  });

  it.each([null, "", "abc", `${"a".repeat(22)}.!!!`, `${"a".repeat(22)}.${Buffer.from("{}").toString("base64url")}`])("%s is not ours", (id) => {
    expect(readSessionId(id)).toBeNull();
  });

  it("clientInfo is read defensively", () => {
    expect(clientInfoFromInitialize({ clientInfo: { name: "x", version: 3 } })).toEqual({ name: "x", version: null });
    expect(clientInfoFromInitialize(undefined)).toEqual({ name: null, version: null });
  });
});

describe("parseMessages", () => {
  const refusal = (result: ReturnType<typeof parseMessages>) => ("refusal" in result ? result.refusal.status : 200);

  it("accepts one message, refuses batches from 2025-06-18 on, and null ids", () => {
    expect(refusal(parseMessages('{"jsonrpc":"2.0","id":1,"method":"ping"}', "2025-06-18"))).toBe(200);
    expect(refusal(parseMessages('[{"jsonrpc":"2.0","id":1,"method":"ping"}]', "2025-06-18"))).toBe(400);
    expect(refusal(parseMessages('[{"jsonrpc":"2.0","id":1,"method":"ping"}]', "2025-03-26"))).toBe(200);
    expect(refusal(parseMessages('{"jsonrpc":"2.0","id":null,"method":"ping"}', "2025-06-18"))).toBe(400);
    expect(refusal(parseMessages("nope", "2025-06-18"))).toBe(400);
  });

  it("params that do not fit the method get -32602, other methods are left to the server", () => {
    const bad = { jsonrpc: "2.0" as const, id: 4, method: "tools/call", params: { name: 3 } };
    expect(invalidParamsAnswer(bad)).toMatchObject({ id: 4, error: { code: -32602 } });
    expect(invalidParamsAnswer({ jsonrpc: "2.0", id: 5, method: "tools/call", params: { name: "t", arguments: {} } })).toBeNull();
    expect(invalidParamsAnswer({ jsonrpc: "2.0", id: 6, method: "whatever", params: { x: 1 } })).toBeNull();
  });
});

// The constant JSON-RPC answers the "raw" and "framework" baselines send: what the cheapest possible endpoint does.
export const constantTool = {
  name: "echo",
  description: "Echoes its input.",
  inputSchema: { type: "object", properties: { query: { type: "string" } }, required: ["query"] },
};

export function constantAnswer(body: unknown): unknown {
  const request = body as { id?: unknown; method?: unknown };
  const result =
    request.method === "tools/call" ? { content: [{ type: "text", text: "ok" }], isError: false } : { tools: [constantTool] };
  return { jsonrpc: "2.0", id: request.id ?? null, result };
}

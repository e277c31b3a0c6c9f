// A real server on 127.0.0.1 speaking Anthropic's Messages API (POST /v1/messages), whose turns each test scripts:
// streamed as SSE events (message_start, content_block_*, message_delta, message_stop) when the request asks for a
// stream, one Message object otherwise. Wire format: https://docs.anthropic.com/en/api/messages and
// https://docs.anthropic.com/en/api/messages-streaming
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface AnthropicTurn {
  text?: string;
  toolUse?: { name: string; input: object };
}

export interface ScriptedAnthropic {
  url: string;
  script(turns: AnthropicTurn[]): void;
  /** Request bodies as received. */
  requests: Array<{ model: string; stream?: boolean; system?: unknown; messages: Array<{ role: string; content: unknown }>; tools?: Array<{ name: string }> }>;
  headers: Array<Record<string, string | string[] | undefined>>;
  close(): Promise<void>;
}

export async function startScriptedAnthropic(): Promise<ScriptedAnthropic> {
  const queue: AnthropicTurn[] = [];
  const state = { requests: [] as ScriptedAnthropic["requests"], headers: [] as ScriptedAnthropic["headers"] };
  const server = createServer((req, res) => {
    let raw = "";
    req.on("data", (chunk: Buffer) => (raw += chunk));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/messages") return void res.writeHead(404).end();
      const body = JSON.parse(raw);
      const n = state.requests.push(body);
      state.headers.push(req.headers);
      const turn = queue.shift() ?? { text: "(no turn scripted)" };
      const stopReason = turn.toolUse ? "tool_use" : "end_turn";
      if (!body.stream) {
        const content = [
          ...(turn.text ? [{ type: "text", text: turn.text }] : []),
          ...(turn.toolUse ? [{ type: "tool_use", id: `toolu_${n}`, name: turn.toolUse.name, input: turn.toolUse.input }] : []),
        ];
        const message = { id: `msg_${n}`, type: "message", role: "assistant", model: body.model, content, stop_reason: stopReason, stop_sequence: null, usage: { input_tokens: 13, output_tokens: 5 } };
        return void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(message));
      }
      const events: Array<[string, object]> = [
        ["message_start", { type: "message_start", message: { id: `msg_${n}`, type: "message", role: "assistant", model: body.model, content: [], stop_reason: null, usage: { input_tokens: 13, output_tokens: 0 } } }],
      ];
      let index = 0;
      if (turn.text) {
        events.push(["content_block_start", { type: "content_block_start", index, content_block: { type: "text", text: "" } }]);
        for (const piece of turn.text.match(/\S+\s*/g) ?? []) events.push(["content_block_delta", { type: "content_block_delta", index, delta: { type: "text_delta", text: piece } }]);
        events.push(["content_block_stop", { type: "content_block_stop", index }]);
        index++;
      }
      if (turn.toolUse) {
        const json = JSON.stringify(turn.toolUse.input);
        events.push(["content_block_start", { type: "content_block_start", index, content_block: { type: "tool_use", id: `toolu_${n}`, name: turn.toolUse.name, input: {} } }]);
        events.push(["content_block_delta", { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: json.slice(0, 5) } }]);
        events.push(["content_block_delta", { type: "content_block_delta", index, delta: { type: "input_json_delta", partial_json: json.slice(5) } }]);
        events.push(["content_block_stop", { type: "content_block_stop", index }]);
      }
      events.push(["message_delta", { type: "message_delta", delta: { stop_reason: stopReason, stop_sequence: null }, usage: { output_tokens: 5 } }]);
      events.push(["message_stop", { type: "message_stop" }]);
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(events.map(([event, data]) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`).join(""));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    script: (turns) => void queue.push(...turns),
    ...state,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

// tools/list and tools/call on a connected SDK v2 client, in the shape `Connection` promises, each under the
// server's SSE read timeout (stream-watch.ts).
import "server-only";
import type { Client } from "@modelcontextprotocol/client";
import type { Connection } from "./connection";
import type { StreamWatch } from "./stream-watch";

const either = (signal: AbortSignal | undefined, stalled: AbortSignal) => (signal ? AbortSignal.any([signal, stalled]) : stalled);

export function connectionTools(client: Client, watch: StreamWatch): Pick<Connection, "listTools" | "callTool"> {
  return {
    async listTools({ cursor, signal }) {
      // Without a cursor the SDK walks every page itself; `refresh` so a list asked for is always the server's own.
      const result = await watch.watch((stalled) => client.listTools(cursor ? { cursor } : undefined, { signal: either(signal, stalled), cacheMode: "refresh" }));
      return { tools: result.tools, nextCursor: result.nextCursor };
    },
    callTool(name, args, { signal, timeoutMs, onProgress }) {
      // The call timeout stays a limit on the whole call: progress does not extend it (no resetTimeoutOnProgress).
      return watch.watch((stalled) => client.callTool({ name, arguments: args }, { signal: either(signal, stalled), timeout: timeoutMs, onprogress: onProgress }));
    },
  };
}

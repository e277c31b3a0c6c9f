// tools/list and tools/call on a connected SDK v2 client, in the shape `Connection` promises.
import "server-only";
import type { Client } from "@modelcontextprotocol/client";
import type { Connection } from "./connection";

export function connectionTools(client: Client): Pick<Connection, "listTools" | "callTool"> {
  return {
    async listTools({ cursor, signal }) {
      // Without a cursor the SDK walks every page itself; `refresh` so a list asked for is always the server's own.
      const result = await client.listTools(cursor ? { cursor } : undefined, { signal, cacheMode: "refresh" });
      return { tools: result.tools, nextCursor: result.nextCursor };
    },
    callTool(name, args, { signal, timeoutMs, onProgress }) {
      // The call timeout stays a limit on the whole call: progress does not extend it (no resetTimeoutOnProgress).
      return client.callTool({ name, arguments: args }, { signal, timeout: timeoutMs, onprogress: onProgress });
    },
  };
}

// The tools an agent run may call, from the app's bindings and each server's stored tool list, and the resources
// its bindings give as context. A server is connected on its first use and that connection serves every later call
// of the run (one session with a stateful 2025 server); the caller closes them in `finally`, which ends such a
// session with DELETE.
import "server-only";
import type { JSONSchema7 } from "ai";
import { callMcpTool, modelToolName } from "@/server/mcp/client/mcp-tools";
import type { RuntimeTool } from "@/server/agent/runtime-tool";
import type { ToolBinding } from "@/server/apps/app-config";
import { getDb } from "@/server/db";
import { getMcpServer } from "@/server/db/queries/mcp-servers";
import type { McpServer } from "@/server/db/schema";
import type { Connection } from "@/server/mcp/client/connect";
import { describeConnectionError } from "./describe-connection-error";
import { openServerConnection } from "./open-connection";
import { readResourceContext } from "./resource-context";

export interface AppTools {
  tools: RuntimeTool[];
  /** The bindings' chosen resources, read now, for the system prompt (resource-context.ts); undefined when none. */
  context: string | undefined;
  close(): Promise<void>;
}

export async function openAppTools({
  workspaceId,
  bindings,
  signal,
  userId,
}: {
  workspaceId: string;
  bindings: ToolBinding[];
  signal: AbortSignal;
  /** The person the run is for; per-person servers connect with their tokens (null: nobody, so they cannot). */
  userId: string | null;
}): Promise<AppTools> {
  const db = await getDb();
  const servers = (await Promise.all(bindings.map((b) => getMcpServer(db, { workspaceId, id: b.serverId })))).filter(
    (s): s is McpServer => s !== null,
  );
  const connections = new Map<string, Promise<Connection>>();
  const connect = (server: McpServer) => {
    let connection = connections.get(server.id);
    if (!connection) {
      connection = openServerConnection(server, { signal, userId });
      connections.set(server.id, connection);
    }
    return connection;
  };

  const tools = servers.flatMap((server) =>
    server.tools.map(
      (tool): RuntimeTool => ({
        name: modelToolName(server.identifier, tool.name),
        title: tool.title,
        description: tool.description ?? tool.title ?? tool.name,
        inputSchema: tool.inputSchema as JSONSchema7,
        serverId: server.id,
        sourceName: tool.name,
        annotations: tool.annotations,
        async execute(args, options) {
          let connection: Connection;
          try {
            connection = await connect(server);
          } catch (error) {
            // The cause stays: a per-person server whose person must connect again is told apart by it.
            throw new Error(describeConnectionError(error, server.name), { cause: error });
          }
          const result = await callMcpTool(connection, tool.name, args, { signal: options.signal, timeoutMs: server.callTimeoutMs, onProgress: options.onProgress });
          return tool.uiResourceUri ? { ...result, app: { serverId: server.id, resourceUri: tool.uiResourceUri } } : result;
        },
      }),
    ),
  );

  const context = await readResourceContext(
    servers.flatMap((server) => {
      const uris = bindings.find((b) => b.serverId === server.id)?.resources ?? [];
      return uris.length > 0 ? [{ server, uris, connect: () => connect(server) }] : [];
    }),
    signal,
  );

  return {
    tools,
    context,
    async close() {
      await Promise.all([...connections.values()].map((c) => c.then((conn) => conn.close()).catch(() => {})));
    },
  };
}

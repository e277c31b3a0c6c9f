// "Try it": call one tool with the arguments from the generated form and return the raw MCP result.
import "server-only";
import type { McpServer } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { describeConnectionError } from "./describe-connection-error";
import { openServerConnection } from "./open-connection";

export async function tryTool(server: McpServer, { name, args, userId = null }: { name: string; args: Record<string, unknown>; userId?: string | null }) {
  if (!server.tools.some((t) => t.name === name)) {
    throw new AppError("not_found:mcp_tool", `The tool "${name}" is not in this server's list. Press Update tools first.`);
  }
  const started = performance.now();
  try {
    const connection = await openServerConnection(server, { userId });
    try {
      const result = await connection.callTool(name, args, { timeoutMs: server.callTimeoutMs });
      return { result, durationMs: Math.round(performance.now() - started) };
    } finally {
      await connection.close().catch(() => {});
    }
  } catch (error) {
    throw new AppError("bad_request:mcp_tool", describeConnectionError(error, server.name));
  }
}

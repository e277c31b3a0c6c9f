// Browsing a stored server's resources and prompts from its sheet: list both, read one text resource. Each call
// opens a connection with the stored settings and closes it; what the server sends is cut to sizes a page can show.
import "server-only";
import type { McpServer } from "@/server/db/schema";
import type { Connection } from "@/server/mcp/client/connect";
import { AppError } from "@/server/errors";
import { describeConnectionError } from "./describe-connection-error";
import { openServerConnection } from "./open-connection";

const maxListed = 500;
export const maxReadChars = 200_000;

async function withConnection<T>(server: McpServer, use: (connection: Connection, signal: AbortSignal) => Promise<T>): Promise<T> {
  const signal = AbortSignal.timeout(server.callTimeoutMs);
  try {
    const connection = await openServerConnection(server, { signal });
    try {
      return await use(connection, signal);
    } finally {
      await connection.close().catch(() => {});
    }
  } catch (error) {
    throw new AppError("bad_request:mcp_server", describeConnectionError(error, server.name));
  }
}

export async function listServerResources(server: McpServer) {
  const resources = await withConnection(server, (c, signal) => c.listResources({ signal }));
  return { resources: resources.slice(0, maxListed), truncated: resources.length > maxListed };
}

export async function listServerPrompts(server: McpServer) {
  const prompts = await withConnection(server, (c, signal) => c.listPrompts({ signal }));
  return { prompts: prompts.slice(0, maxListed), truncated: prompts.length > maxListed };
}

/** One resource's contents; text past `maxReadChars` is cut (with the full length), binary ones are named. */
export async function readServerResource(server: McpServer, uri: string) {
  const contents = await withConnection(server, (c, signal) => c.readResource(uri, { signal }));
  return {
    contents: contents.slice(0, 20).map((c) =>
      "text" in c
        ? { uri: c.uri, mimeType: c.mimeType, text: c.text.slice(0, maxReadChars), chars: c.text.length, truncated: c.text.length > maxReadChars }
        : { uri: c.uri, mimeType: c.mimeType, blobBytes: c.blobBytes },
    ),
  };
}

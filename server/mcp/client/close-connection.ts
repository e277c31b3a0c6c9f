// Closing a connection: a 2025 server that gave us an `Mcp-Session-Id` is sent DELETE first, so sessions do not pile
// up on it (spec 2025-11-25 "Transports", Session Management: clients SHOULD send DELETE when they no longer need
// the session; a 405 means the server does not let clients end sessions).
import "server-only";
import type { Client, Transport } from "@modelcontextprotocol/client";

const deleteTimeoutMs = 5_000;

export async function closeConnection(client: Client, transport: Transport & { sessionId?: string; terminateSession?: () => Promise<void> }) {
  if (transport.sessionId && transport.terminateSession) {
    let timer: NodeJS.Timeout | undefined;
    // A server that never answers the DELETE must not hold up the end of a run.
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, deleteTimeoutMs)));
    await Promise.race([transport.terminateSession().catch(() => {}), timeout]);
    clearTimeout(timer);
  }
  await client.close().catch(() => {});
}

// Who may see a task (MCP 2025-11-25 tasks §Security: "receivers MUST bind tasks to [the authorization] context").
// Our authorization context is the bearer key; a 2025 client's Mcp-Session-Id narrows it to that client, so another
// client with the same key cannot read or cancel it either. A sessionless (2026-07-28) call on a server without keys
// has no context at all: the unguessable task id (256 bits) is then the only guard, which is why tasks/list is not
// offered (it would list every anonymous caller's tasks).
import "server-only";
import { hashToken } from "@/server/crypto/tokens";
import { readSessionId } from "../client-session";

export function taskScope({ bearer, sessionId }: { bearer: string | null; sessionId: string | null }): string {
  const session = readSessionId(sessionId) ? sessionId : "";
  return hashToken(`mcp-task|${bearer ?? ""}|${session}`);
}

// "Test connection": each step with its timing and outcome, stopping at the first failure.
import "server-only";
import { listAllMcpTools } from "@/server/mcp/client/mcp-tools";
import { connectMcpServer, type Connection } from "@/server/mcp/client/connect";
import { connectionLabel } from "@/shared/connection-label";
import { assertPublicUrl } from "@/server/mcp/client/ssrf/assert-public-url";
import { createGuardedFetch } from "@/server/mcp/client/ssrf/guarded-fetch";
import type { ConnectionInput } from "./mcp-server-input";
import { describeConnectionError, statusForError } from "./describe-connection-error";
import { watchLastAnswer } from "./last-answer";

export interface TestStep {
  step: "address" | "transport" | "initialize" | "tools";
  ok: boolean;
  ms: number;
  detail: string;
}

export interface TestOutcome {
  ok: boolean;
  steps: TestStep[];
  needsAuthorization: boolean;
  tools: Awaited<ReturnType<typeof listAllMcpTools>>;
}

export async function testConnection(
  input: Omit<ConnectionInput, "headers"> & { headers: Record<string, string>; name: string },
  /** A saved OAuth server's fetch (bearer token, refresh); the plain SSRF-guarded fetch otherwise. */
  fetchFn: typeof fetch = createGuardedFetch(),
): Promise<TestOutcome> {
  const steps: TestStep[] = [];
  const answers = watchLastAnswer(fetchFn);
  const timed = async <T>(step: TestStep["step"], run: () => Promise<T>, describe: (value: T) => string) => {
    const started = performance.now();
    try {
      const value = await run();
      steps.push({ step, ok: true, ms: Math.round(performance.now() - started), detail: describe(value) });
      return value;
    } catch (error) {
      // Only the handshake can meet a web page instead of a server; later steps fail for their own reasons.
      const detail = (step === "initialize" ? answers.describeWrongAnswer(input.url) : null) ?? describeConnectionError(error, input.name);
      steps.push({ step, ok: false, ms: Math.round(performance.now() - started), detail });
      throw error;
    }
  };

  let connection: Connection | undefined;
  try {
    const url = await timed("address", () => assertPublicUrl(input.url), (u: URL) => `${u.host} is allowed`);
    connection = await timed(
      "initialize",
      () =>
        connectMcpServer({
          url: url.toString(),
          transport: input.transport,
          headers: input.headers,
          connectTimeoutMs: input.connectTimeoutMs,
          sseReadTimeoutMs: input.sseReadTimeoutMs,
          fetch: answers.fetch,
        }),
      // 2026-07-28 has no initialize: the same facts come from server/discover.
      (c) => `${c.kind === "modern" ? "server/discover: " : ""}${c.serverInfo?.name ?? "server"} ${c.serverInfo?.version ?? ""}, protocol ${c.protocolVersion ?? "unknown"}`.replace(/\s+,/, ","),
    );
    const initialize = steps.pop()!;
    steps.push({ step: "transport", ok: true, ms: 0, detail: transportDetail(connection, input.transport) }, initialize);
    const tools = await timed("tools", () => listAllMcpTools(connection!, { signal: AbortSignal.timeout(input.callTimeoutMs) }), (t) => `${t.length} tools`);
    return { ok: true, steps, needsAuthorization: false, tools };
  } catch (error) {
    return { ok: false, steps, needsAuthorization: statusForError(error) === "needs_authorization", tools: [] };
  } finally {
    await connection?.close().catch(() => {});
  }
}

/** The era found, and under Auto which rungs it stepped down (2026-07-28 -> 2025 initialize -> HTTP+SSE). */
function transportDetail(connection: Connection, choice: ConnectionInput["transport"]): string {
  const label = connectionLabel(connection.kind, connection.protocolVersion);
  if (connection.kind === "sse") {
    const fellBack = choice === "auto" ? "Streamable HTTP was refused, so Auto fell back to it; " : "";
    return `${label}: ${fellBack}ask the server's maker to move to Streamable HTTP.`;
  }
  if (connection.kind !== "modern") return `${label} (no 2026-07-28 here, so the 2025 handshake was used)`;
  return label;
}

// A published tools/call, observed: a span "tools/call <tool>" (MCP semantic conventions) with the app, the tool and
// the outcome, and the call counters of metrics.ts. runToolCall reports the outcome once it has one; a call that
// throws first (an unknown tool name) counts as "unknown_tool" when it carries JSON-RPC code -32602, else "error".
import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { SpanKind } from "@opentelemetry/api";
import { getMetrics } from "./metrics";
import { inSpan } from "./tracing";

export interface ObservedCall {
  /** The run's outcome (call-tool.ts CallOutcome) and the app that ran, known only once the tool is found. */
  settle(outcome: string, appId: string): void;
}

export async function observePublishedCall<T>(
  call: { workspaceId: string; appId: string | null; tool: string; workspaceServer: boolean; known: boolean },
  work: (observed: ObservedCall) => Promise<T>,
): Promise<T> {
  const metrics = getMetrics();
  const attributes = {
    "mcp.method.name": "tools/call",
    "gen_ai.tool.name": call.tool.slice(0, 100),
    "switchyard.workspace.id": call.workspaceId,
    "switchyard.server": call.workspaceServer ? "workspace" : "app",
    ...(call.appId ? { "switchyard.app.id": call.appId } : {}),
  };
  const started = performance.now();
  let outcome = null as string | null;
  metrics.publishedCallsInFlight.inc();
  try {
    // A name the server does not have stays out of the span's name, so made-up names cannot multiply span names.
    return await inSpan(
      call.known ? `tools/call ${attributes["gen_ai.tool.name"]}` : "tools/call",
      attributes,
      async (span) => {
        try {
          return await work({
            settle(settled, appId) {
              outcome = settled;
              span.setAttributes({ "switchyard.call.outcome": settled, "switchyard.app.id": appId });
            },
          });
        } catch (error) {
          outcome ??= (error as { code?: unknown }).code === ErrorCode.InvalidParams ? "unknown_tool" : "error";
          span.setAttribute("switchyard.call.outcome", outcome);
          throw error;
        }
      },
      SpanKind.SERVER,
    );
  } finally {
    const final = outcome ?? "error";
    metrics.publishedCallsInFlight.dec();
    metrics.publishedCalls.inc({ outcome: final });
    metrics.publishedCallSeconds.observe({ outcome: final }, (performance.now() - started) / 1000);
    if (final !== "ok" && final !== "cancelled") metrics.publishedCallErrors.inc();
  }
}

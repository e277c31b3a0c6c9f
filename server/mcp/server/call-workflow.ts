// tools/call on a published workflow or chatflow: the Start fields are the arguments, the run is a durable job
// (server/workflows), and the answer is the End node's outputs as structuredContent (a chatflow's: its reply and
// conversation). A progress step per node as it finishes.
import "server-only";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { conversationIdKey } from "@/server/apps/input-schema";
import { startWorkflowRun, stopWorkflowRun, waitForWorkflowRun } from "@/server/workflows/workflow-runs";
import type { PublishedCall, PublishedCallOutcome } from "./call-tool";

export async function callPublishedWorkflow(call: PublishedCall & { appType: "workflow" | "chatflow" }, args: { query: string; conversationId: string | null; inputs: Record<string, unknown> }): Promise<PublishedCallOutcome> {
  const { workspaceId, appId } = call;
  const started = await startWorkflowRun({
    workspaceId,
    appId,
    appVersionId: call.versionId,
    config: call.config,
    mode: call.appType,
    inputs: args.inputs,
    query: args.query,
    conversationId: args.conversationId,
    source: "mcp",
    userId: call.personId,
  });
  const titles = new Map((call.config.workflow?.nodes ?? []).map((node) => [node.id, node.title || node.id]));
  const stop = () => void stopWorkflowRun({ workspaceId, runId: started.runId }).catch(() => {});
  call.signal.addEventListener("abort", stop, { once: true });
  try {
    const run = await waitForWorkflowRun({
      workspaceId,
      runId: started.runId,
      signal: call.signal,
      // One step per node that ended (Iteration items' nodes count once each).
      onNodeRun: (node) => {
        if (node.status !== "running") call.onEvent?.({ type: "workflow-node-finished", nodeId: node.nodeId, title: titles.get(node.nodeId) ?? node.nodeId, status: node.status });
      },
    });
    const conversationId = started.conversationId;
    if (run.status === "stopped") return { result: { content: [{ type: "text", text: "The call was cancelled." }], isError: true }, outcome: "cancelled", error: null, conversationId };
    if (run.status !== "completed") {
      // The step's own words (a host, a tool's error) are for the owner's call log, as an agent's model errors are.
      const text = "The workflow could not finish: one of its steps failed. Try again later; if it keeps failing, tell the app's owner.";
      return { result: { content: [{ type: "text", text }], isError: true }, outcome: "error", error: run.error ?? "The run failed.", conversationId };
    }
    // A chatflow's outputs are { answer } (run-workflow.ts); it adds the conversation to continue, as a chat app does.
    const structured: Record<string, unknown> = call.appType === "chatflow" ? { ...run.outputs, [conversationIdKey]: conversationId } : (run.outputs ?? {});
    const result: CallToolResult = { content: [{ type: "text", text: JSON.stringify(structured) }], structuredContent: structured };
    return { result, outcome: "ok", error: null, conversationId };
  } finally {
    call.signal.removeEventListener("abort", stop);
  }
}

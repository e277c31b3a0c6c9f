// The job that runs one task: the published version the call was made against, run exactly as a plain tools/call
// (runToolCall: the runtime, cancellation from any instance, a progress step per runtime event), its steps stored as
// the task's status message and its answer as the task's result. Logged like any call, with its conversation.
import "server-only";
import type { CallToolResult, JSONRPCRequest, ServerNotification } from "@modelcontextprotocol/sdk/types.js";
import { getDb } from "@/server/db";
import { findTaskEndpoint, findTaskToRun, updateUnfinishedTask } from "@/server/db/queries/mcp-tasks";
import type { Job } from "@/server/jobs";
import { getKv } from "@/server/kv";
import { getPublishedTool } from "../build-tool";
import { RequestLedger } from "../request-ledger";
import { runToolCall, type ServerContext } from "../tool-call";
import { errorAnswer } from "../without-internals";
import { taskSettings, type TaskRunJob } from "./task-settings";

/** The request id a task's run goes by (cancellations.ts keys, the call log): never a client's own id. */
export const taskRequestId = (idHash: string) => `task:${idHash}`;

const unfinished = new Set(["working", "input_required"]);

export async function runTaskJob(job: Job): Promise<void> {
  const { workspaceId, idHash } = job.data as TaskRunJob;
  const db = await getDb();
  const task = await findTaskToRun(db, { workspaceId, idHash });
  if (!task || !unfinished.has(task.status) || !task.request) return;
  const fail = (statusMessage: string) => updateUnfinishedTask(db, { workspaceId, idHash, status: "failed", statusMessage, request: null, error: { code: -32603, message: statusMessage } });
  if (job.attempt > 0) {
    // A second attempt means the first one's process died mid-run (or the run threw). The run is an LLM loop
    // with tool calls that may have had effects: not resumable from a stored step, so the task fails, visibly.
    await fail("The server running this task stopped before it finished. Call the tool again.");
    return;
  }
  const endpoint = await findTaskEndpoint(db, { workspaceId, appId: task.appId, versionId: task.versionId });
  if (!endpoint) {
    await fail("This app's MCP server or the version the call was made against no longer exists.");
    return;
  }
  if (!endpoint.enabled) {
    // Disable takes effect at once, for queued tasks too (docs/mcp-endpoint.md).
    await fail("The app's owner turned its MCP server off before this task started.");
    return;
  }
  // The definition's annotations and icon play no part in a run: only the name check and the config do.
  const published = getPublishedTool({
    ...endpoint,
    appId: task.appId,
    provider: endpoint.provider?.id ? endpoint.provider : null,
    annotations: {},
    revision: [endpoint.versionId, endpoint.settingsUpdatedAt.getTime(), endpoint.appUpdatedAt.getTime(), endpoint.toolName, "task"].join(":"),
  });
  const { caller, ...params } = task.request;
  const ledger = new RequestLedger({ appId: task.appId, workspaceId, workspaceServer: false, caller }, { name: task.clientName, version: task.clientVersion });
  const ctx: ServerContext = {
    serverKey: task.appId,
    workspaceId,
    appId: task.appId,
    workspaceServer: false,
    info: { name: endpoint.toolName, title: endpoint.appName, version: String(endpoint.version) },
    instructions: null,
    tools: [published],
    protocolVersion: task.protocolVersion,
    // Aborts when the queue gives the job up (cancelled, claim lost, shutdown).
    requestSignal: job.signal,
    clientScope: task.ownerScope,
    kv: getKv(),
    cancelPollMs: taskSettings.cancelPollMs,
    ledger,
    personId: caller?.userId ?? null,
    approvalPolicy: endpoint.approvalPolicy,
    // A task runs without a live client to ask: its tools that ask first get the policy's answer.
    askClient: null,
    connectByUrl: false,
  };
  const requestId = taskRequestId(idHash);
  const request: JSONRPCRequest = { jsonrpc: "2.0", id: requestId, method: "tools/call", params };
  ledger.begin([request]);
  await updateUnfinishedTask(db, { workspaceId, idHash, statusMessage: "Running" });
  // Progress steps become the task's status (tasks/get); a slow write never holds the run up.
  let writes = Promise.resolve();
  const notify = async (notification: ServerNotification) => {
    if (notification.method !== "notifications/progress") return;
    const { message, progress } = notification.params as { message?: string; progress: number };
    writes = writes.then(() => updateUnfinishedTask(db, { workspaceId, idHash, statusMessage: message ?? "Running", progress }).then(() => {}, () => {}));
  };
  let result: CallToolResult;
  try {
    result = await runToolCall(ctx, { ...params, _meta: { progressToken: requestId } }, { requestId, notify, heartbeat: false });
  } catch (error) {
    // Only a tool name that no longer matches (the owner renamed the tool since) gets here.
    const answer = errorAnswer(requestId, error);
    ledger.answered(answer);
    await writes;
    await updateUnfinishedTask(db, { workspaceId, idHash, status: "failed", statusMessage: answer.error.message, request: null, error: answer.error });
    return;
  }
  await writes;
  if (job.signal.aborted) {
    // The queue gave the job up (this process is stopping): no answer came, so the task did not complete.
    await fail("The server running this task stopped before it finished. Call the tool again.");
    ledger.settle(requestId, "cancelled");
    return;
  }
  const stored = await updateUnfinishedTask(db, { workspaceId, idHash, status: "completed", statusMessage: result.isError ? "Finished with an error" : "Finished", request: null, result });
  // null: the task was cancelled meanwhile, and keeps that end (2025-11-25 tasks §Cancellation).
  if (stored) ledger.answered({ jsonrpc: "2.0", id: requestId, result });
  else ledger.settle(requestId, "cancelled");
}

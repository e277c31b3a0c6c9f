// tasks/get, tasks/result, tasks/cancel (2025-11-25) and tasks/get, tasks/update, tasks/cancel (2026-07-28 Tasks
// extension), answered from the task table so that any instance answers for any task. Not the v1 SDK's task
// runtime: its TaskStore is keyed by the transport's session id (a stateless endpoint has none) and its tasks/result
// waits on an in-process queue, while ours must wait on a row another instance writes.
import "server-only";
import { ErrorCode } from "@modelcontextprotocol/sdk/types.js";
import { hashToken } from "@/server/crypto/tokens";
import { getDb } from "@/server/db";
import { cancelOwnTask, findOwnTask } from "@/server/db/queries/mcp-tasks";
import type { McpTask } from "@/server/db/schema";
import { getJobQueue } from "@/server/jobs";
import { cancelCall, callKey } from "../cancellations";
import type { ServerContext } from "../tool-call";
import { taskRequestId } from "./run-task-job";
import { taskSettings } from "./task-settings";
import { relatedTaskKey, task2025, task2026, type TaskEra } from "./task-wire";

/** Tasks run on app servers only (lane.ts taskContext): the app is known. */
type TaskCtx = Pick<ServerContext, "kv" | "requestSignal"> & { appId: string; tasks: NonNullable<ServerContext["tasks"]> };

const invalidParams = (message: string) => Object.assign(new Error(message), { code: ErrorCode.InvalidParams });
const unknownTask = () => invalidParams("No such task: it may have ended and been removed after its ttl, or it was started by another client or key.");
const terminal = (row: McpTask) => row.status === "completed" || row.status === "failed" || row.status === "cancelled";

/** The task id from params, checked before any hashing or lookup (ids of ours are 43 base64url characters). */
function readTaskId(params: unknown): string {
  const taskId = (params as { taskId?: unknown } | undefined)?.taskId;
  if (typeof taskId !== "string" || taskId.length === 0 || taskId.length > taskSettings.maxIdLength) throw unknownTask();
  return taskId;
}

async function ownTask(ctx: TaskCtx, taskId: string) {
  return findOwnTask(await getDb(), { appId: ctx.appId, ownerScope: ctx.tasks.scope, idHash: hashToken(taskId) });
}

export async function getTask(ctx: TaskCtx, params: unknown, era: TaskEra) {
  const taskId = readTaskId(params);
  const row = await ownTask(ctx, taskId);
  if (!row) throw unknownTask();
  return era === "2025" ? task2025(row, taskId) : { resultType: "complete", ...task2026(row, taskId, { detailed: true }) };
}

/** 2025-11-25 only: blocks until the task ends, then answers exactly what the call would have (tasks §Result Retrieval). */
export async function getTaskResult(ctx: TaskCtx, params: unknown) {
  const taskId = readTaskId(params);
  for (;;) {
    const row = await ownTask(ctx, taskId);
    if (!row) throw unknownTask();
    const _meta = { ...((row.result?._meta as object | undefined) ?? {}), [relatedTaskKey]: { taskId } };
    if (row.status === "completed" && row.result) return { ...row.result, _meta };
    if (row.status === "cancelled") return { content: [{ type: "text", text: "The task was cancelled." }], isError: true, _meta };
    if (row.status === "failed") throw Object.assign(new Error(row.error?.message ?? "The task failed."), { code: row.error?.code ?? ErrorCode.InternalError });
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, taskSettings.resultPollMs);
      ctx.requestSignal.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
    });
    if (ctx.requestSignal.aborted) throw Object.assign(new Error("The client went away."), { code: ErrorCode.ConnectionClosed });
  }
}

/** Marks the task cancelled, then stops its run wherever it is: here at once, elsewhere at its next KV poll. */
export async function cancelTask(ctx: TaskCtx, params: unknown, era: TaskEra) {
  const taskId = readTaskId(params);
  const idHash = hashToken(taskId);
  const row = await cancelOwnTask(await getDb(), { appId: ctx.appId, ownerScope: ctx.tasks.scope, idHash });
  if (!row) {
    const existing = await ownTask(ctx, taskId);
    if (!existing) throw unknownTask();
    // 2025-11-25 tasks §Cancellation: a task in a terminal status MUST be refused with -32602.
    if (era === "2025" && terminal(existing)) throw invalidParams(`The task has already ended (${task2025(existing, taskId).status}); it cannot be cancelled.`);
    return era === "2025" ? task2025(existing, taskId) : { resultType: "complete" };
  }
  await cancelCall(callKey({ serverKey: ctx.appId, clientScope: row.ownerScope, requestId: taskRequestId(idHash) }), ctx.kv);
  // A job still waiting never starts; a running one also loses its claim (pg-boss aborts it at its next heartbeat).
  await getJobQueue().cancel(taskSettings.runQueue, row.jobId).catch((error: unknown) => {
    console.warn("[mcp_server:tasks] could not cancel a task's job", error instanceof Error ? error.message : error);
  });
  return era === "2025" ? task2025(row, taskId) : { resultType: "complete" };
}

/** 2026-07-28 tasks/update: our tasks never ask for input, so a known task's update is acknowledged and ignored. */
export async function updateTask(ctx: TaskCtx, params: unknown) {
  const row = await ownTask(ctx, readTaskId(params));
  if (!row) throw unknownTask();
  return { resultType: "complete" };
}

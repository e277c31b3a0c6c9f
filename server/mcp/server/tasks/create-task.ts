// tools/call run as a task: the row first, then the job, then the answer. The task exists (tasks/get finds it)
// before its CreateTaskResult leaves (SEP-2663 §Task Creation: "MUST NOT return CreateTaskResult until the task is
// durably created"); the run itself happens in whichever instance's worker takes the job (run-task-job.ts).
import "server-only";
import { randomBytes, randomUUID } from "node:crypto";
import type { CallToolRequest } from "@modelcontextprotocol/sdk/types.js";
import { hashToken } from "@/server/crypto/tokens";
import { getDb } from "@/server/db";
import { insertTask, updateUnfinishedTask } from "@/server/db/queries/mcp-tasks";
import { getJobQueue } from "@/server/jobs";
import { findPublishedTool, type ServerContext } from "../tool-call";
import { effectiveTtlMs, taskSettings, type TaskRunJob } from "./task-settings";
import { startTaskWorker } from "./task-worker";
import { task2025, task2026, type TaskEra } from "./task-wire";

export async function createTask(
  ctx: ServerContext & { tasks: NonNullable<ServerContext["tasks"]> },
  params: CallToolRequest["params"],
  { era, ttl }: { era: TaskEra; ttl?: unknown },
): Promise<Record<string, unknown>> {
  const { app } = findPublishedTool(ctx, params.name);
  await startTaskWorker();
  const taskId = randomBytes(32).toString("base64url");
  const idHash = hashToken(taskId);
  const ttlMs = effectiveTtlMs(ttl);
  const now = new Date();
  const db = await getDb();
  const row = await insertTask(db, {
    idHash,
    appId: app.appId,
    workspaceId: ctx.workspaceId,
    versionId: app.versionId,
    ownerScope: ctx.tasks.scope,
    jobId: randomUUID(),
    statusMessage: "Waiting to start",
    request: { name: params.name, arguments: params.arguments ?? {}, caller: callerForLog(ctx.tasks.caller) },
    protocolVersion: ctx.protocolVersion,
    clientName: ctx.tasks.client.name?.slice(0, 200) ?? null,
    clientVersion: ctx.tasks.client.version?.slice(0, 100) ?? null,
    ttlMs,
    pollIntervalMs: taskSettings.pollIntervalMs,
    expiresAt: new Date(now.getTime() + ttlMs),
    createdAt: now,
    updatedAt: now,
  });
  try {
    const job: TaskRunJob = { workspaceId: ctx.workspaceId, idHash };
    await getJobQueue().enqueue(taskSettings.runQueue, job, { id: row.jobId });
  } catch (error) {
    // No job, no run: the task must not stay "working" (a best effort; the cleanup fails it at its ttl otherwise).
    await updateUnfinishedTask(db, { workspaceId: ctx.workspaceId, idHash, status: "failed", statusMessage: "The task could not be queued.", request: null }).catch(() => {});
    throw error;
  }
  return era === "2025" ? { task: task2025(row, taskId) } : { resultType: "task", ...task2026(row, taskId, { detailed: false }) };
}

/** Only what the log line needs; never the grant (an OauthCaller carries more than the row should keep). */
function callerForLog(caller: NonNullable<ServerContext["tasks"]>["caller"]) {
  return caller ? { userId: caller.userId, clientId: caller.clientId, clientName: caller.clientName } : null;
}

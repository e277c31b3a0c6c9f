// The one place a request that concerns tasks is recognised and answered, for either lane of the endpoint: a
// tools/call that asks to run as a task (2025-11-25 `params.task`; on the 2026-07-28 lane, a client declaring the
// Tasks extension, SEP-2663 §Capability Negotiation) and the tasks/* methods. Returns null for anything else.
import "server-only";
import { CallToolRequestSchema, type JSONRPCMessage, type JSONRPCRequest } from "@modelcontextprotocol/sdk/types.js";
import type { ServerContext } from "../tool-call";
import { errorAnswer } from "../without-internals";
import { createTask } from "./create-task";
import { cancelTask, getTask, getTaskResult, updateTask } from "./task-methods";
import { taskRequest, type TaskEra } from "./task-wire";

const methods: Record<TaskEra, ReadonlySet<string>> = {
  "2025": new Set(["tasks/get", "tasks/result", "tasks/cancel"]),
  "2026": new Set(["tasks/get", "tasks/update", "tasks/cancel"]),
};

/** Whether `message` is a request this module answers on this lane (the lane decides the wire form). */
export function isTaskRequest(message: JSONRPCRequest, ctx: Pick<ServerContext, "tasks" | "appId">, lane: TaskEra): boolean {
  if (!ctx.tasks || !ctx.appId) return false;
  if (message.method === "tools/call") return taskRequest(message.params)?.era === lane;
  return methods[lane].has(message.method);
}

/**
 * The answer to a task request (isTaskRequest), a result or a JSON-RPC error without internals. A tools/call that
 * became a task is logged when its run ends (run-task-job.ts), with its conversation; a refused one is logged here,
 * and tasks/* requests are logged like any other request.
 */
export async function answerTaskRequest(message: JSONRPCRequest, ctx: ServerContext, lane: TaskEra): Promise<JSONRPCMessage> {
  const taskCtx = { ...ctx, tasks: ctx.tasks!, appId: ctx.appId! };
  if (message.method !== "tools/call") ctx.ledger.begin([message]);
  try {
    let result: Record<string, unknown>;
    if (message.method === "tools/call") {
      const params = CallToolRequestSchema.parse(message).params;
      result = await createTask(taskCtx, params, { era: lane, ttl: taskRequest(message.params)?.ttl });
    } else if (message.method === "tasks/get") result = await getTask(taskCtx, message.params, lane);
    else if (message.method === "tasks/result") result = await getTaskResult(taskCtx, message.params);
    else if (message.method === "tasks/cancel") result = await cancelTask(taskCtx, message.params, lane);
    else result = await updateTask(taskCtx, message.params);
    return { jsonrpc: "2.0", id: message.id, result } as JSONRPCMessage;
  } catch (error) {
    if (message.method === "tools/call") ctx.ledger.begin([message]);
    return errorAnswer(message.id, error);
  }
}

// The two wire forms of a task (MCP 2025-11-25 basic/utilities/tasks; SEP-2663, the 2026-07-28 Tasks extension)
// and how a request says it wants one.
import { describe, expect, it } from "vitest";
import type { McpTask } from "@/server/db/schema";
import { task2025, task2026, taskRequest } from "@/server/mcp/server/tasks/task-wire";

const at = new Date("2026-12-05T10:00:00.000Z");
const row = (over: Partial<McpTask>): McpTask => ({
  idHash: "h",
  appId: "a",
  workspaceId: "w",
  versionId: "v",
  ownerScope: "s",
  jobId: "j",
  status: "working",
  statusMessage: "Calling tool search",
  progress: 3,
  request: null,
  protocolVersion: "2025-11-25",
  clientName: null,
  clientVersion: null,
  result: null,
  error: null,
  ttlMs: 60_000,
  pollIntervalMs: 2_000,
  expiresAt: at,
  createdAt: at,
  updatedAt: new Date(at.getTime() + 1_000),
  ...over,
});

describe("the 2025-11-25 form", () => {
  it("shows a working task with its ttl, poll interval and the last step with its count", () => {
    expect(task2025(row({}), "t1")).toEqual({
      taskId: "t1",
      status: "working",
      ttl: 60_000,
      createdAt: "2026-12-05T10:00:00.000Z",
      lastUpdatedAt: "2026-12-05T10:00:01.000Z",
      pollInterval: 2_000,
      statusMessage: "Calling tool search (step 3)",
    });
  });

  it("shows a tool result with isError as failed, as 2025-11-25 asks", () => {
    const result = { content: [{ type: "text", text: "no" }], isError: true };
    expect(task2025(row({ status: "completed", result, statusMessage: "Finished with an error" }), "t").status).toBe("failed");
    expect(task2025(row({ status: "completed", result: { content: [] }, statusMessage: null }), "t")).not.toHaveProperty("statusMessage");
  });
});

describe("the 2026-07-28 form", () => {
  it("uses ttlMs and pollIntervalMs and inlines the result of a completed task, isError included", () => {
    const result = { content: [{ type: "text", text: "no" }], isError: true };
    expect(task2026(row({ status: "completed", result, statusMessage: "Finished with an error" }), "t2", { detailed: true })).toEqual({
      taskId: "t2",
      status: "completed",
      statusMessage: "Finished with an error",
      createdAt: "2026-12-05T10:00:00.000Z",
      lastUpdatedAt: "2026-12-05T10:00:01.000Z",
      ttlMs: 60_000,
      pollIntervalMs: 2_000,
      result,
    });
  });

  it("inlines the JSON-RPC error of a failed task, and nothing in the creation answer", () => {
    const error = { code: -32603, message: "stopped" };
    expect(task2026(row({ status: "failed", error, statusMessage: "stopped" }), "t", { detailed: true })).toMatchObject({ status: "failed", error });
    expect(task2026(row({ status: "failed", error }), "t", { detailed: false })).not.toHaveProperty("error");
  });
});

describe("a request asking for a task", () => {
  it("is a 2025 request with params.task, or one declaring the Tasks extension in its client capabilities", () => {
    expect(taskRequest({ name: "x", task: { ttl: 5 } })).toEqual({ era: "2025", ttl: 5 });
    expect(taskRequest({ name: "x", _meta: { "io.modelcontextprotocol/clientCapabilities": { extensions: { "io.modelcontextprotocol/tasks": {} } } } })).toEqual({ era: "2026" });
  });

  it("is not a plain call, one with task set to a non-object, or one declaring other extensions", () => {
    expect(taskRequest({ name: "x" })).toBeNull();
    expect(taskRequest(undefined)).toBeNull();
    expect(taskRequest({ name: "x", task: "yes" })).toBeNull();
    expect(taskRequest({ _meta: { "io.modelcontextprotocol/clientCapabilities": { extensions: { other: {} } } } })).toBeNull();
    expect(taskRequest({ _meta: { "io.modelcontextprotocol/clientCapabilities": { extensions: JSON.parse('{"__proto__": {"io.modelcontextprotocol/tasks": {}}}') } } })).toBeNull();
  });
});

// The workflow engine's API: start a run (stored, then run as a durable job), read it, wait for it, stop it.
import "server-only";
import type { AppConfig } from "@/server/apps/app-config";
import { validateInputs } from "@/server/agent/validate-inputs";
import { getDb } from "@/server/db";
import { findConversation } from "@/server/db/queries/conversations";
import {
  finishWorkflowRun,
  findWorkflowRun,
  insertWorkflowRun,
  listNodeRuns,
  upsertNodeRun,
  type NodeRunValues,
} from "@/server/db/queries/workflow-runs";
import type { WorkflowNodeRun } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { getJobQueue } from "@/server/jobs";
import { checkGraph } from "./check-graph";
import { describeProblems } from "./describe-problems";
import type { WorkflowMode } from "./graph";
import { workflowRunQueue } from "./run-workflow";
import { toolOutputSchemas } from "./tool-output-schemas";
import { startWorkflowWorker } from "./workflow-worker";

export interface StartWorkflowRun {
  workspaceId: string;
  appId: string;
  /** Null for Debug & Preview runs of the draft. */
  appVersionId: string | null;
  config: AppConfig;
  mode: WorkflowMode;
  inputs: Record<string, unknown>;
  /** A chatflow's message. */
  query?: string;
  /** A chatflow's conversation to continue. */
  conversationId?: string | null;
  source: "debug" | "mcp" | "api";
  userId: string | null;
  /** Node runs stored before the job is queued (a re-run from a node): the engine keeps them as on a resume. */
  seedNodeRuns?: Omit<NodeRunValues, "runId" | "workspaceId">[];
}

const ended = new Set(["completed", "failed", "stopped"]);

/** Checks the inputs and the graph (nothing is stored when either is wrong), stores the run and queues its job. */
export async function startWorkflowRun(params: StartWorkflowRun) {
  const { workspaceId, appId, config, mode } = params;
  const graph = config.workflow;
  if (!graph) throw new AppError("bad_request:workflow", "This app has no workflow to run.");
  const inputs = validateInputs(config.variables, params.inputs);
  const query = params.query?.trim() ?? "";
  if (mode === "chatflow" && !query) throw new AppError("bad_request:app_input", "Type a message to send.");
  const toolOutputSchema = await toolOutputSchemas({ workspaceId, graph });
  const problems = checkGraph(graph, { mode, variables: config.variables, toolOutputSchema });
  if (problems.length > 0) throw new AppError("bad_request:workflow", `Fix the workflow before running it: ${describeProblems(graph, problems)}`);
  const db = await getDb();
  const continued = mode === "chatflow" && params.conversationId ? params.conversationId : null;
  if (continued && !(await findConversation(db, { workspaceId, appId, id: continued }))) {
    throw new AppError("not_found:conversation", "This conversation does not exist or was deleted. Start a new one.");
  }
  // First: starting the worker of the in-process queue queues again the runs it finds unfinished, never this one twice.
  await startWorkflowWorker();
  const summary = mode === "chatflow" ? query : summarizeInputs(inputs);
  const ids = await insertWorkflowRun(db, {
    workspaceId,
    appId,
    appVersionId: params.appVersionId,
    conversation: continued
      ? { id: continued }
      : { appId, appVersionId: params.appVersionId, source: params.source, inputs, title: summary.slice(0, 100), createdBy: params.userId },
    query: summary,
    inputs,
    snapshot: { graph, variables: config.variables, mode, ...(mode === "chatflow" ? { query } : {}) },
    createdBy: params.userId,
  });
  try {
    for (const seed of params.seedNodeRuns ?? []) await upsertNodeRun(db, { ...seed, workspaceId, runId: ids.runId });
    await getJobQueue().enqueue(workflowRunQueue, { workspaceId, runId: ids.runId }, { id: ids.runId });
  } catch (error) {
    await finishWorkflowRun(db, { workspaceId, id: ids.runId, status: "failed", error: "The run could not be queued. Try again.", outputs: null, usage: null, content: "" });
    throw error;
  }
  return ids;
}

/** One line for the Logs page when there is no message: `key: value, ...`. */
function summarizeInputs(inputs: Record<string, unknown>) {
  const line = Object.entries(inputs)
    .map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`)
    .join(", ")
    .replace(/\s+/g, " ");
  return line.length > 500 ? `${line.slice(0, 499)}…` : line || "(no inputs)";
}

/** The run with its node runs in the order they started; null when there is no such run in the workspace. */
export async function getWorkflowRun({ workspaceId, runId }: { workspaceId: string; runId: string }) {
  const db = await getDb();
  const run = await findWorkflowRun(db, { workspaceId, id: runId });
  if (!run) return null;
  return { ...run, nodeRuns: await listNodeRuns(db, { workspaceId, runId }) };
}

/** Polls until the run ends, calling `onNodeRun` once for each node run that ended (completed, failed, skipped). */
export async function waitForWorkflowRun({
  workspaceId,
  runId,
  signal,
  onNodeRun,
}: {
  workspaceId: string;
  runId: string;
  signal: AbortSignal;
  onNodeRun?(nodeRun: WorkflowNodeRun): void;
}) {
  const told = new Set<string>();
  for (;;) {
    signal.throwIfAborted();
    const run = await getWorkflowRun({ workspaceId, runId });
    if (!run) throw new AppError("not_found:workflow_run", "This workflow run does not exist or was deleted.");
    for (const nodeRun of run.nodeRuns) {
      if (nodeRun.status === "running" || told.has(nodeRun.id)) continue;
      told.add(nodeRun.id);
      onNodeRun?.(nodeRun);
    }
    if (ended.has(run.status)) return run;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, 250);
      function done() {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        resolve();
      }
      signal.addEventListener("abort", done, { once: true });
    });
  }
}

/** Stores "stopped" (unless the run already ended) and aborts its job on whichever instance runs it. */
export async function stopWorkflowRun({ workspaceId, runId }: { workspaceId: string; runId: string }) {
  const db = await getDb();
  const run = await findWorkflowRun(db, { workspaceId, id: runId });
  if (!run) throw new AppError("not_found:workflow_run", "This workflow run does not exist or was deleted.");
  const stopped = await finishWorkflowRun(db, { workspaceId, id: runId, status: "stopped", error: null, outputs: null, usage: run.usage, content: "" });
  if (stopped) await getJobQueue().cancel(workflowRunQueue, runId);
  return { stopped };
}

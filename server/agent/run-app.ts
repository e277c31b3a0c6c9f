// The one runtime that runs an app, whoever asks (Debug & Preview, the published MCP server, the API):
// prompt, model, tool rounds, events as they happen (or per step, for callers that do not stream), and every step
// stored as it happens.
import "server-only";
import {
  generateText,
  NoSuchToolError,
  stepCountIs,
  streamText,
  type LanguageModel,
  type ModelMessage,
  type TextStreamPart,
  type ToolSet,
} from "ai";
import { getDb, type Db } from "@/server/db";
import type { ToolImageMode } from "@/server/llm/model-vision";
import { finishTurn, saveProgress } from "@/server/db/queries/conversations";
import { buildToolSet, enabledTools } from "./build-tool-set";
import { describeModelError, describeToolError, redactSecrets } from "./run-error";
import { createWatchdog, runLimits } from "./run-limits";
import type { RunEvent, RunResult, RunStatus, RunUsage } from "./run-events";
import type { RuntimeTool } from "./runtime-tool";
import { holdLease } from "./run-leases";
import { startRun, type StartRunParams, type StartedRun } from "./start-run";
import { moveToolImagesToUserMessages } from "./tool-images";
import { createToolCallRecorder } from "./tool-call-recorder";
import { refuseAll, type Approver } from "./tool-approval";
import { createDecider, stepParts, withInputs, type AskedCall } from "./run-passes";
import { getMetrics } from "@/server/observability/metrics";
import { runTelemetry } from "@/server/observability/tracing";

export interface RunAppParams extends StartRunParams {
  /** Resolved by the caller (languageModelFor), so the runtime never touches provider rows or keys. */
  model: LanguageModel;
  /** Every tool the caller could offer; the app's bindings choose among them (agent apps only). */
  tools: RuntimeTool[];
  /** How images from tools reach this model (toolImageMode); default "none", a short note in their place. */
  toolImages?: ToolImageMode;
  /** Overrides runLimits.toolResultChars (tests). */
  toolResultMaxChars?: number;
  signal: AbortSignal;
  onEvent(event: RunEvent): void;
  /** Retries of a failed model call (429, 5xx, network); the AI SDK's default is 2. */
  maxRetries?: number;
  /** Answers for the calls that ask first (tool-approval.ts); without one they are refused. */
  approve?: Approver;
  /** Overrides runLimits.modelIdleMs (tests). */
  modelIdleMs?: number;
  /**
   * Whether the caller passes events on as they happen (Debug & Preview, MCP progress). Default true. Without it the
   * model's answers are asked for whole and the events of a step come when the step ends.
   */
  streaming?: boolean;
}

/** Throws AppError before anything is stored (bad inputs, unknown conversation); afterwards always resolves. */
export async function runApp(params: RunAppParams): Promise<RunResult> {
  const db = await getDb();
  const started = await startRun(db, params);
  // Until its final state is stored, the run's process vouches for it; if the process dies, the lease lapses.
  const lease = holdLease(started.messageId);
  const metrics = getMetrics();
  metrics.runsInFlight.inc();
  let status = "failed";
  try {
    const result = await continueRun(db, params, started);
    status = result.status;
    return result;
  } finally {
    metrics.runsInFlight.dec();
    metrics.runs.inc({ status });
    lease.release();
  }
}

async function continueRun(db: Db, params: RunAppParams, { conversationId, messageId, system, messages }: StartedRun): Promise<RunResult> {
  const { workspaceId, config, signal } = params;
  const streaming = params.streaming ?? true;
  const emit = (event: RunEvent) => {
    try {
      params.onEvent(event);
    } catch (error) {
      // A listener that went away (closed browser tab) must not stop the run or its records.
      console.error("[agent:on_event]", redactSecrets(String(error)));
    }
  };
  emit({ type: "started", conversationId, messageId });

  const tools = params.appType === "agent" ? enabledTools(config.tools, params.tools) : [];
  const maxRounds = tools.length > 0 ? config.maxToolRounds : 0;
  const recorder = createToolCallRecorder({ db, workspaceId, messageId });
  // Events follow the AI SDK's stream order (text, call, result, step end); tools run ahead of it, so their
  // outcomes wait in the recorder until their place in the stream.
  const reportFinished = (callId: string) => {
    const finished = recorder.takeFinished(callId);
    if (finished) emit({ type: "tool-call-finished", ...finished });
  };
  let stepRound = 1;
  let roundLimitReached = false;
  let answer = "";
  let stepText = "";
  let round = 0;
  const usage: RunUsage = { inputTokens: 0, outputTokens: 0 };
  let modelError: unknown;
  let internalError: unknown;
  // Our own failure (a lost database, say) must also stop the model and the tools still running.
  const run = new AbortController();
  const forwardAbort = () => run.abort(signal.reason);
  if (signal.aborted) forwardAbort();
  else signal.addEventListener("abort", forwardAbort, { once: true });
  // A model that stops sending (a stalled stream) must not leave the run "running" forever.
  let stalled = false;
  const watchdog = createWatchdog({
    idleMs: params.modelIdleMs ?? runLimits.modelIdleMs,
    maxMs: runLimits.maxRunMs,
    busy: () => recorder.busy(),
    onStall: () => {
      stalled = true;
      run.abort();
    },
  });

  const toolImages = params.toolImages ?? "none";
  const output = { images: toolImages, maxChars: params.toolResultMaxChars ?? runLimits.toolResultChars };
  const toolSet = buildToolSet({
    tools,
    recorder,
    signal: run.signal,
    round: () => stepRound,
    output,
    onProgress: (callId, name, progress) => emit({ type: "tool-progress", callId, name, ...progress }),
  });
  async function onPart(part: TextStreamPart<ToolSet>) {
    watchdog.touch();
    if (part.type === "text-delta") {
      // A later round's text starts a new paragraph rather than running into the previous one.
      const text = !stepText && answer && part.text ? `\n\n${part.text}` : part.text;
      stepText += part.text;
      answer += text;
      emit({ type: "text-delta", text });
    } else if (part.type === "tool-call") {
      emit({ type: "tool-call-started", callId: part.toolCallId, name: part.toolName, arguments: part.input });
      if (part.invalid) {
        const refused = NoSuchToolError.isInstance(part.error) && toolSet[part.toolName];
        const message = refused ? `Not run: the app's limit of ${maxRounds} tool rounds was reached.` : describeToolError(part.error);
        await recorder.reject(part.toolCallId, part.toolName, part.input, round + 1, message);
      }
    } else if (part.type === "tool-approval-request") {
      const { toolCallId, toolName, input } = part.toolCall;
      recorder.ask(toolCallId, toolName, input, round + 1);
      asked.push({ approvalId: part.approvalId, callId: toolCallId, name: toolName, input });
      const tool = tools.find((t) => t.name === toolName);
      emit({ type: "tool-approval-requested", callId: toolCallId, name: toolName, title: tool?.title, arguments: input, inputSchema: tool?.inputSchema ?? {} });
    } else if (part.type === "tool-result" || part.type === "tool-error") {
      reportFinished(part.toolCallId);
    } else if (part.type === "finish-step") {
      round += 1;
      stepText = "";
      usage.inputTokens += part.usage.inputTokens ?? 0;
      usage.outputTokens += part.usage.outputTokens ?? 0;
      // Progress is stored between tool rounds; the last step's goes out with the final state below.
      if (part.finishReason === "tool-calls") await saveProgress(db, { workspaceId, id: messageId, content: answer, usage });
      emit({ type: "round-finished", round });
    } else if (part.type === "error") {
      modelError = part.error;
    }
  }

  // A call that asks first ends the AI SDK's pass: the approvers answer, and the next pass runs (or refuses) the
  // calls and goes on. Rounds count across passes.
  const asked: AskedCall[] = [];
  let stepsDone = 0;
  const telemetry = runTelemetry(`switchyard.${params.appType}`, { appId: params.appId, workspaceId, conversationId, messageId });
  const request = (history: ModelMessage[]) => ({
    model: params.model,
    system,
    messages: history,
    tools: tools.length > 0 ? toolSet : undefined,
    // One step per tool round, plus one for the answer.
    stopWhen: stepCountIs(maxRounds + 1 - stepsDone),
    prepareStep: ({ stepNumber, messages: sent }: { stepNumber: number; messages: ModelMessage[] }) => {
      const step = stepsDone + stepNumber;
      stepRound = step + 1;
      const images = toolImages === "user-message" && step > 0 ? { messages: moveToolImagesToUserMessages(sent) } : {};
      if (maxRounds === 0 || step < maxRounds) return images;
      // Out of rounds: offer no tools, so the model answers with what it has (a call anyway is refused, not run).
      roundLimitReached = true;
      return { ...images, activeTools: [] };
    },
    temperature: config.model?.temperature ?? undefined,
    maxOutputTokens: config.model?.maxTokens ?? undefined,
    maxRetries: params.maxRetries,
    abortSignal: run.signal,
    // Spans for the model rounds and tool calls while tracing is on (server/observability/tracing.ts); ids only.
    experimental_telemetry: telemetry,
  });
  /** One pass of the AI SDK's tool loop: what it added to the conversation, and how many steps it took. */
  async function runPass(history: ModelMessage[]): Promise<{ messages: ModelMessage[]; steps: number }> {
    if (streaming) {
      // Errors arrive as stream parts; without onError the SDK would also log the raw error object.
      const result = streamText({ ...request(history), onError: () => {} });
      for await (const part of result.fullStream) await onPart(part);
      if (asked.length === 0) return { messages: [], steps: 0 };
      return { messages: (await result.response).messages, steps: (await result.steps).length };
    }
    // Nobody watches this run live: each step's answer is asked for whole, which costs a fraction of the CPU of
    // streaming it, and its parts then go through the same handling in the order a stream would give them.
    const result = await generateText({
      ...request(history),
      onStepFinish: async (step) => {
        try {
          for (const part of stepParts(step)) await onPart(part);
        } catch (error) {
          // The SDK ignores what this callback throws: our own failure is kept, and stops the run, here.
          internalError ??= error;
          run.abort();
        }
      },
    });
    return { messages: result.response.messages, steps: result.steps.length };
  }
  const decide = createDecider({ tools, approve: params.approve ?? refuseAll, recorder, emit, reportFinished, signal: run.signal });

  try {
    let history = messages;
    let approvedBefore: string[] = [];
    for (;;) {
      asked.length = 0;
      const pass = await runPass(history);
      // Asked for whole, a pass reports no results for the calls approved before it: their outcomes come now.
      for (const callId of approvedBefore) reportFinished(callId);
      if (asked.length === 0 || run.signal.aborted || modelError || internalError) break;
      const calls = [...asked];
      const answers = await Promise.all(calls.map(decide));
      if (run.signal.aborted) break;
      approvedBefore = calls.filter((_, i) => answers[i]!.approved).map((call) => call.callId);
      history = [...history, ...withInputs(pass.messages, calls), { role: "tool", content: answers }];
      stepsDone += pass.steps;
    }
  } catch (error) {
    // Streamed, only our own failures are thrown; asked for whole, the model's are thrown too.
    if (!signal.aborted && !internalError) {
      if (streaming) internalError = error;
      else modelError = error;
    }
    run.abort();
  } finally {
    watchdog.stop();
    signal.removeEventListener("abort", forwardAbort);
  }
  if (stalled && !signal.aborted) {
    modelError = Object.assign(new Error("The model stopped answering."), { name: "TimeoutError" });
    internalError = undefined;
  }

  await recorder.settled();
  for (const finished of recorder.takeLeftovers()) emit({ type: "tool-call-finished", ...finished });
  const status: RunStatus = signal.aborted ? "stopped" : modelError || internalError ? "failed" : "completed";
  let error: string | undefined;
  if (status === "failed") {
    error = modelError ? describeModelError(modelError) : "Something went wrong while running the app. Try again.";
    if (modelError) console.warn(`[agent:run] message ${messageId} failed:`, error);
    else console.error(`[agent:run] message ${messageId} failed:`, redactSecrets(String(internalError)));
  }
  // Stored with the answer so the logs show why it ends where it does; the run itself still completed.
  const note =
    status === "stopped"
      ? "Stopped before the answer was finished."
      : status === "completed" && roundLimitReached
        ? `Used all ${maxRounds} tool rounds (the app's limit); the answer is based on what was gathered so far.`
        : undefined;

  await finishTurn(db, {
    workspaceId,
    conversationId,
    messageId,
    content: answer,
    status,
    error: error ?? note ?? null,
    usage,
    toolCallStatus: status === "completed" ? "failed" : status,
  });

  if (error) emit({ type: "error", message: error });
  emit({ type: "finished", answer, usage, status, roundLimitReached });
  return { conversationId, messageId, status, answer, usage, roundLimitReached, ...(error ? { error } : {}) };
}

// The workflow Code node's sandbox: a member's JavaScript runs in its own V8 isolate (isolated-vm) with a time and a
// memory limit. The isolate holds no host reference: inputs go in and outputs come out as JSON strings.
import "server-only";
import ivm from "isolated-vm";
import { bootstrapSource, truncatedLogLine } from "./code-sandbox-harness";

export const codeLimits = {
  timeoutMs: 5_000,
  memoryMb: 32,
  /** isolated-vm refuses less than 8 MB. */
  minMemoryMb: 8,
  /** JSON of main's return value, in characters (about bytes for ASCII). */
  outputChars: 1_000_000,
};

export type CodeRunResult = (
  | { ok: true; outputs: Record<string, unknown> }
  | { ok: false; error: string }
) & { durationMs: number; logs: string[] };

type HarnessResult =
  | { kind: "ok"; outputs: Record<string, unknown> }
  | { kind: "no_main" }
  | { kind: "threw"; message: string }
  | { kind: "not_object"; got: string }
  | { kind: "not_json"; message: string }
  | { kind: "too_large"; chars: number };

const hostApiHint =
  " The Code node runs plain JavaScript with no modules, network, files, process or timers: pass data in through" +
  " inputs, and use an HTTP request node to reach the network.";
const hostApiError =
  /^(ReferenceError: (require|process|fetch|set(Timeout|Interval|Immediate)|Buffer|module|exports|__dirname|__filename|XMLHttpRequest|WebSocket|Deno|Bun) is not defined|Error: Not supported$)|Cannot use import statement/;

export async function runCode({
  code,
  inputs,
  timeoutMs = codeLimits.timeoutMs,
  memoryMb = codeLimits.memoryMb,
  signal,
}: {
  code: string;
  inputs: Record<string, unknown>;
  timeoutMs?: number;
  memoryMb?: number;
  signal?: AbortSignal;
}): Promise<CodeRunResult> {
  const started = performance.now();
  const limits = { seconds: formatSeconds(timeoutMs), memoryMb: Math.max(memoryMb, codeLimits.minMemoryMb) };
  const done = (result: { ok: true; outputs: Record<string, unknown> } | { ok: false; error: string }, logs: string[] = []) =>
    ({ ...result, durationMs: Math.round(performance.now() - started), logs }) as CodeRunResult;

  if (signal?.aborted) return done({ ok: false, error: messages.aborted });
  let inputsJson: string;
  try {
    inputsJson = JSON.stringify(inputs ?? {});
  } catch (error) {
    return done({ ok: false, error: `The inputs could not be copied into the sandbox: ${cleanMessage(error)}` });
  }

  const isolate = new ivm.Isolate({ memoryLimit: limits.memoryMb });
  // Why the isolate was disposed from the host, when it was: a pending `await` is not covered by V8's own timeout.
  let stoppedBy: "timeout" | "abort" | undefined;
  const stop = (reason: "timeout" | "abort") => {
    stoppedBy ??= reason;
    if (!isolate.isDisposed) isolate.dispose();
  };
  const onAbort = () => stop("abort");
  signal?.addEventListener("abort", onAbort, { once: true });
  const deadline = started + timeoutMs;
  const timer = setTimeout(() => stop("timeout"), timeoutMs + 50);
  const remaining = () => Math.max(1, Math.round(deadline - performance.now()));
  let context: ivm.Context | undefined;

  try {
    context = await isolate.createContext();
    await context.eval(bootstrapSource({ outputChars: codeLimits.outputChars }), { timeout: 1_000 });
    let script: ivm.Script;
    try {
      script = await isolate.compileScript(code, { filename: "code.js" });
    } catch (error) {
      if (stoppedBy || isolate.isDisposed) throw error;
      return done({ ok: false, error: withHint(`The code does not compile: ${cleanMessage(error)}`) });
    }
    try {
      await script.run(context, { timeout: remaining() });
    } catch (error) {
      if (stoppedBy || isolate.isDisposed || isTimeout(error)) throw error;
      return done({ ok: false, error: withHint(`The code threw: ${cleanMessage(error, true)}`) }, await readLogs(context));
    }
    const raw = await context.evalClosure("return __sandbox.finish($0)", [inputsJson], {
      timeout: remaining(),
      result: { promise: true },
    });
    const logs = await readLogs(context);
    return done(interpret(JSON.parse(String(raw)) as HarnessResult), logs);
  } catch (error) {
    const logs = context && !isolate.isDisposed ? await readLogs(context) : [];
    if (stoppedBy === "abort") return done({ ok: false, error: messages.aborted }, logs);
    if (stoppedBy === "timeout" || isTimeout(error)) return done({ ok: false, error: messages.timeout(limits.seconds) }, logs);
    if (/memory limit/i.test(errorText(error))) return done({ ok: false, error: messages.memory(limits.memoryMb) });
    return done({ ok: false, error: `The code was stopped: ${cleanMessage(error)}` }, logs);
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", onAbort);
    if (!isolate.isDisposed) isolate.dispose();
  }
}

const messages = {
  aborted: "The run was cancelled and the code was stopped.",
  timeout: (seconds: string) =>
    `The code ran longer than ${seconds} and was stopped. Look for a loop that never ends, or do less work in one run.`,
  memory: (mb: number) =>
    `The code used more than ${mb} MB of memory and was stopped. Keep less data in memory, or pass smaller inputs.`,
};

function interpret(result: HarnessResult): { ok: true; outputs: Record<string, unknown> } | { ok: false; error: string } {
  switch (result.kind) {
    case "ok":
      // toJSON can still turn an object into something else on the way out.
      if (result.outputs === null || typeof result.outputs !== "object" || Array.isArray(result.outputs)) {
        return { ok: false, error: "main must return an object, like { result: 42 }; its toJSON returned something else." };
      }
      return { ok: true, outputs: result.outputs };
    case "no_main":
      return { ok: false, error: "Define function main(inputs) that returns an object." };
    case "threw":
      return { ok: false, error: withHint(`The code threw: ${cleanText(result.message)}`) };
    case "not_object":
      return { ok: false, error: `main must return an object, like { result: 42 }; it returned ${result.got}.` };
    case "not_json":
      return { ok: false, error: `main must return an object that JSON can hold: ${cleanText(result.message)}` };
    case "too_large":
      return {
        ok: false,
        error: `main returned ${Math.ceil(result.chars / 1000)} KB of JSON, more than the ${codeLimits.outputChars / 1_000_000} MB limit. Return less data.`,
      };
    default:
      // Only code that tampers with the harness inside its own isolate gets here.
      return { ok: false, error: "The code was stopped: the sandbox could not read its result." };
  }
}

/** The isolate's own log, copied out as JSON; empty when it cannot be read (for example after a memory stop). */
async function readLogs(context: ivm.Context): Promise<string[]> {
  try {
    const { lines, truncated } = JSON.parse(String(await context.eval("__sandbox.logs()", { timeout: 100 }))) as {
      lines: string[];
      truncated: boolean;
    };
    return truncated ? [...lines, truncatedLogLine] : lines;
  } catch {
    return [];
  }
}

function isTimeout(error: unknown): boolean {
  return /Script execution timed out/.test(errorText(error));
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Name and message only, never a stack: stacks carry host paths. */
function cleanMessage(error: unknown, withName = false): string {
  const text = error instanceof Error && withName ? `${error.name}: ${error.message}` : errorText(error);
  return cleanText(text);
}

const cwd = process.cwd();
function cleanText(text: string): string {
  return (cwd.length > 1 ? text.split(cwd).join(".") : text)
    .replace(/file:\/\/\S+/g, "[host]")
    .replace(/\/\S*node_modules\/\S+/g, "[host]")
    .slice(0, 2000);
}

function withHint(message: string): string {
  const detail = message.replace(/^The code (threw|does not compile): /, "");
  return hostApiError.test(detail) ? message + hostApiHint : message;
}

function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

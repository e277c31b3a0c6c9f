// The JavaScript that runs inside the Code node's isolate around the user's code. It is source text, never a host
// function: the isolate gets no reference to anything on the host, only strings in and strings out.

export const logLimits = { lines: 100, chars: 10_000 };

/** Runs before the user's code: a console that buffers inside the isolate, and the `__sandbox` entry point. */
export function bootstrapSource({ outputChars }: { outputChars: number }): string {
  return `"use strict";
(() => {
  // Captured before the user's code runs, so redefining JSON or String there cannot break the harness.
  const { parse, stringify } = JSON;
  const toText = String;
  const isArray = Array.isArray;
  const maxLines = ${logLimits.lines}, maxChars = ${logLimits.chars}, outputChars = ${outputChars};
  const lines = [];
  let chars = 0;
  let truncated = false;

  function describe(value) {
    try {
      if (typeof value === "string") return value;
      if (value instanceof Error) return toText(value.name) + ": " + toText(value.message);
      const json = stringify(value);
      return json === undefined ? toText(value) : json;
    } catch {
      try { return toText(value); } catch { return "[value that cannot be printed]"; }
    }
  }

  function log(...args) {
    if (truncated) return;
    const line = args.map(describe).join(" ");
    if (lines.length >= maxLines || chars + line.length > maxChars) {
      truncated = true;
      const room = maxChars - chars;
      if (lines.length < maxLines && room > 0) lines.push(line.slice(0, room));
      return;
    }
    lines.push(line);
    chars += line.length;
  }

  async function finish(inputsJson) {
    if (typeof main !== "function") return stringify({ kind: "no_main" });
    let result;
    try {
      result = await main(parse(inputsJson));
    } catch (error) {
      return stringify({ kind: "threw", message: describe(error).slice(0, 2000) });
    }
    if (result === null || typeof result !== "object" || isArray(result)) {
      return stringify({ kind: "not_object", got: result === null ? "null" : isArray(result) ? "an array" : typeof result });
    }
    let json;
    try {
      json = stringify(result);
    } catch (error) {
      return stringify({ kind: "not_json", message: describe(error).slice(0, 2000) });
    }
    if (typeof json !== "string") return stringify({ kind: "not_object", got: "undefined (from toJSON)" });
    if (json.length > outputChars) return stringify({ kind: "too_large", chars: json.length });
    return '{"kind":"ok","outputs":' + json + "}";
  }

  function logs() {
    return stringify({ lines, truncated });
  }

  const quiet = { log, info: log, warn: log, error: log, debug: log };
  Object.defineProperty(globalThis, "console", { value: Object.freeze(quiet), writable: false, configurable: false });
  Object.defineProperty(globalThis, "__sandbox", { value: Object.freeze({ finish, logs }), writable: false, configurable: false });
  // WebAssembly memory is not counted against the isolate's memory limit: the Code node does without it.
  delete globalThis.WebAssembly;
})();
`;
}

/** The last line when the log was cut off. */
export const truncatedLogLine = `… more output left out (the log keeps ${logLimits.lines} lines, ${logLimits.chars} characters)`;

// The tool shape the runtime consumes. MCP tools, built-in tools and anything later all arrive as RuntimeTools,
// so the model loop never learns where a tool came from.
import type { JSONSchema7 } from "ai";

/** Names the model sees: the strictest rule common LLM APIs accept (OpenAI: ^[a-zA-Z0-9_-]{1,64}$). */
export const runtimeToolNamePattern = /^[a-zA-Z0-9_-]{1,64}$/;

export type RuntimeToolContent =
  | { type: "text"; text: string }
  | { type: "image"; data: string; mimeType: string }
  | { type: "audio"; data: string; mimeType: string }
  | { type: "resource"; resource: { uri: string; text?: string; mimeType?: string } }
  | { type: "resource_link"; uri: string; name?: string; mimeType?: string };

/** Mirrors an MCP CallToolResult: `isError` means the tool ran and reports a failure the model should see. */
export interface RuntimeToolResult {
  content: RuntimeToolContent[];
  structuredContent?: unknown;
  isError?: boolean;
  /** The tool's MCP App: Debug & Preview shows it (sandboxed) with this result. Never sent to the model. */
  app?: { serverId: string; resourceUri: string };
}

/** A tool's own progress while it runs (MCP 2025-06-18, utilities/progress), passed on to the run's listener. */
export interface ToolProgress {
  progress: number;
  total?: number;
  message?: string;
}

export interface RuntimeTool {
  /** Model-facing name, matching runtimeToolNamePattern and unique within one run. */
  name: string;
  title?: string;
  description: string;
  /** A JSON Schema object (type "object"). */
  inputSchema: JSONSchema7;
  /** The tool server it belongs to; app tool bindings refer to it. Absent for built-in tools. */
  serverId?: string;
  /** The tool's own name on its server, which bindings list; defaults to `name`. */
  sourceName?: string;
  /** The server's tool annotations (readOnlyHint, destructiveHint, ...), as it sent them. */
  annotations?: Record<string, unknown>;
  /** A person approves each call before it runs (tool-approval.ts); set by the app's binding, not by the tool. */
  askFirst?: boolean;
  /** Must stop promptly when `signal` aborts. Throwing is allowed: the runtime reports it to the model as an error. */
  execute(args: unknown, options: { signal: AbortSignal; onProgress?(progress: ToolProgress): void }): Promise<RuntimeToolResult>;
}

/** The text parts of a result, joined: what a text-only consumer shows. */
export function resultText(result: RuntimeToolResult): string {
  return result.content
    .filter((part): part is Extract<RuntimeToolContent, { type: "text" }> => part.type === "text")
    .map((part) => part.text)
    .join("\n");
}

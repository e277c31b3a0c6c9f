// The MCP server for one HTTP request: an app's one tool, or the workspace server's many. Built per request because a stateless
// transport serves exactly one (TOOLCHAIN.md); the tool definition itself comes from the per-version cache. Lone
// tools/list, ping and plain tools/call requests never get here (direct-answers.ts).
import "server-only";
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { AjvJsonSchemaValidator } from "@modelcontextprotocol/sdk/validation/ajv";
import { CallToolRequestSchema, ListToolsRequestSchema, type CreateTaskResult, type JSONRPCRequest, type RequestId } from "@modelcontextprotocol/sdk/types.js";
import { listedTools } from "./build-tool";
import { rememberListedTools } from "./list-changed";
import { createTask } from "./tasks/create-task";
import { runToolCall, type ServerContext } from "./tool-call";

// The SDK builds a new Ajv (and registers its keywords) for every Server unless given one: share it, since the
// per-request server would otherwise spend more time setting up validation than answering.
const jsonSchemaValidator = new AjvJsonSchemaValidator();

/**
 * `toolsChanged`: the workspace server's tools changed since this client listed them (list-changed.ts).
 * `sendRequest`: puts a request of ours on the SSE stream of the client's request `relatedTo` (call-elicitation.ts);
 * the SDK's own extra.sendRequest would wait for the answer in this instance, where it may never arrive.
 */
export function createPublishedServer(
  ctx: ServerContext,
  { toolsChanged = false, sendRequest }: { toolsChanged?: boolean; sendRequest?: (message: JSONRPCRequest, relatedTo: RequestId) => Promise<void> } = {},
): Server {
  const server = new Server(
    ctx.info,
    {
      // tasks: 2025-11-25 basic/utilities/tasks §Capabilities. No `list`: see tasks/task-scope.ts. The task methods
      // are answered before this server is built (direct-answers.ts); only initialize reads this. listChanged: the
      // workspace server's tools change when its owner switches apps (see list-changed.ts).
      capabilities: {
        tools: { listChanged: ctx.workspaceServer },
        logging: {},
        ...(ctx.tasks ? { tasks: { cancel: {}, requests: { tools: { call: {} } } } } : {}),
      },
      ...(ctx.instructions ? { instructions: ctx.instructions } : {}),
      jsonSchemaValidator,
    },
  );

  server.setRequestHandler(ListToolsRequestSchema, async () => {
    await rememberListedTools(ctx);
    return { tools: listedTools(ctx) };
  });
  let announce = toolsChanged;
  server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    if (announce) {
      // On this request's own stream, the only one a stateless server has; once per HTTP request.
      announce = false;
      await extra.sendNotification({ method: "notifications/tools/list_changed" }).catch(() => {});
      await rememberListedTools(ctx); // told: not again until the tools change once more
    }
    // A task-augmented call in a batch (direct-answers.ts takes lone ones): a task too, never the SDK's -32602
    // "Invalid task creation result" for a plain result.
    return ctx.tasks && request.params.task
      ? (createTask({ ...ctx, tasks: ctx.tasks }, request.params, { era: "2025", ttl: request.params.task.ttl }) as Promise<CreateTaskResult>)
      : runToolCall(ctx, request.params, {
          requestId: extra.requestId,
          signal: extra.signal,
          notify: extra.sendNotification,
          ...(sendRequest ? { request: (message: JSONRPCRequest) => sendRequest(message, extra.requestId) } : {}),
        });
  });
  return server;
}

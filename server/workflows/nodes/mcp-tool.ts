// MCP tool: one tool of a connected server, called with arguments from earlier outputs. The same credential scope
// as agents (a per-person server connects as the person the run is for) and the same approval rule (a tool that
// asks first is refused: a workflow run has nobody to ask, unless the author set the node to run without asking).
// A result the tool marks isError is an output (an If/Else can branch on it); failing to reach the tool fails.
import "server-only";
import { describeToolError } from "@/server/agent/run-error";
import { resultText } from "@/server/agent/runtime-tool";
import { getDb } from "@/server/db";
import { getMcpServer } from "@/server/db/queries/mcp-servers";
import type { McpServer } from "@/server/db/schema";
import { callMcpTool } from "@/server/mcp/client/mcp-tools";
import { personConnectionNeeded } from "@/server/mcp/oauth/person-connection-needed";
import { describeConnectionError } from "@/server/mcp/servers/describe-connection-error";
import { missingPersonConnections } from "@/server/mcp/servers/missing-connections";
import { openServerConnection } from "@/server/mcp/servers/open-connection";
import { asksFirst } from "@/shared/asks-first";
import { renderTemplate } from "../references";
import { NodeError, type NodeExecutor, type NodeRunContext } from "./node-executor";
import { typedToolArguments } from "./tool-arguments";

const connectYours = (server: McpServer) =>
  `${server.name} connects each person to their own account, and yours is not connected. Connect it under Tools -> MCP, then run the workflow again.`;

async function assertPersonConnected(server: McpServer, ctx: NodeRunContext) {
  if (server.credentialScope !== "per_person") return;
  if (!ctx.userId) {
    throw new NodeError(`${server.name} connects each person to their own account, and this run is not made by a signed-in person. Run it through sign-in, or in Debug & Preview.`);
  }
  const missing = await missingPersonConnections({ workspaceId: ctx.workspaceId, bindings: [{ serverId: server.id, mode: "all", tools: [] }], userId: ctx.userId });
  if (missing.length > 0) throw new NodeError(connectYours(server));
}

function failure(error: unknown, server: McpServer, ctx: NodeRunContext): unknown {
  if (ctx.signal.aborted) return error;
  if (personConnectionNeeded(error)) return new NodeError(connectYours(server));
  return new NodeError(describeConnectionError(error, server.name));
}

export const runMcpTool: NodeExecutor<"mcp-tool"> = async (node, ctx) => {
  const { serverId, tool: name, approval } = node.data;
  if (!serverId || !name) throw new NodeError("Choose a server and one of its tools for this node.");
  const server = await getMcpServer(await getDb(), { workspaceId: ctx.workspaceId, id: serverId });
  if (!server) throw new NodeError("This node's MCP server was removed. Choose another server under Tools.");
  await assertPersonConnected(server, ctx);
  const tool = server.tools.find((t) => t.name === name);
  if (!tool) throw new NodeError(`${server.name} has no tool "${name}" in its list. Update its tools under Tools -> MCP, or choose another tool.`);
  if (approval !== "auto" && asksFirst(approval, tool.annotations)) {
    throw new NodeError(
      `${tool.title ?? name} asks a person before each call, and a workflow run has nobody to ask. ` +
        "If you trust this tool, set the node to run without asking.",
    );
  }
  // Typed values: a slot that is exactly one reference passes a list as a list; typed text ("10") is read as the
  // tool's schema says. Missing values are left out.
  const rendered = Object.fromEntries(
    Object.entries(node.data.arguments)
      .map(([key, template]) => [key, renderTemplate(template, ctx.outputs)] as const)
      .filter(([, value]) => value !== undefined),
  );
  const args = typedToolArguments(rendered, tool.inputSchema);
  const inputs = { server: server.name, tool: name, arguments: args };

  let connection;
  try {
    connection = await openServerConnection(server, { signal: ctx.signal, userId: ctx.userId });
  } catch (error) {
    throw failure(error, server, ctx);
  }
  try {
    const result = await callMcpTool(connection, name, args, { signal: ctx.signal, timeoutMs: server.callTimeoutMs });
    const structured = result.structuredContent;
    return {
      inputs,
      outputs: {
        text: resultText(result),
        structured: structured && typeof structured === "object" && !Array.isArray(structured) ? structured : {},
        isError: result.isError === true,
      },
    };
  } catch (error) {
    if (ctx.signal.aborted) throw error;
    if (personConnectionNeeded(error)) throw new NodeError(connectYours(server));
    // The connection was lost mid-call (fetch's bare "fetch failed", the server gone or crashed).
    if (error instanceof TypeError && error.cause) throw new NodeError(`${server.name} closed the connection before ${name} answered. Check that the server is up, and run again.`);
    // A protocol error (unknown tool, invalid arguments) or a timeout: the node cannot give an output.
    throw new NodeError(`${server.name} could not run ${name}: ${describeToolError(error)}`);
  } finally {
    await connection.close().catch(() => {});
  }
};

// Whether a bound tool asks a person before each call: the runtime decides with it (server/agent/build-tool-set.ts)
// and the agent editor shows it as the default (components/mcp-servers/approval-default.ts), so both use this one rule.

/**
 * The owner's choice on the binding wins; without one, a tool the server marks read-only runs and anything else
 * (destructive, or not saying) asks. MCP's defaults agree: a tool without annotations may write and destroy.
 */
export function asksFirst(choice: "auto" | "ask" | undefined, annotations: Record<string, unknown> | undefined): boolean {
  if (choice) return choice === "ask";
  return annotations?.readOnlyHint !== true;
}

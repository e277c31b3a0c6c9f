// An agent's tool bindings read against the servers' current tool lists (server/apps/app-config.ts: ToolBinding).
import type { ToolBinding } from "@/server/apps/app-config";
import type { McpServerView } from "./mcp-server-types";

export interface BoundToolRow {
  name: string;
  /** The server's description of the tool, else its title. */
  summary?: string;
  enabled: boolean;
  /** The app's own description for the model, when it sets one. */
  override?: string;
  /** Saved in the binding but no longer in the server's list: it cannot be called. */
  missing: boolean;
  /** The owner's choice; absent follows the server's annotations. */
  approval?: ToolApprovalChoice;
  /** The server's MCP annotations for the tool (readOnlyHint, destructiveHint, ...). */
  annotations?: Record<string, unknown>;
}

export type ToolApprovalChoice = NonNullable<ToolBinding["tools"][number]["approval"]>;
type ToolEntry = ToolBinding["tools"][number];

/** With mode "all" every tool the server lists is a row and a tool without an entry is enabled;
 *  with "selected" the rows are the binding's own entries. */
export function boundRows(binding: ToolBinding, server: McpServerView | undefined): BoundToolRow[] {
  const listed = new Map(server?.tools.map((t) => [t.name, t]));
  if (binding.mode === "all" && server) {
    return server.tools.map((t) => {
      const entry = binding.tools.find((x) => x.name === t.name);
      return {
        name: t.name,
        summary: t.description ?? t.title,
        enabled: entry?.enabled ?? true,
        override: entry?.description || undefined,
        missing: false,
        approval: entry?.approval,
        annotations: t.annotations,
      };
    });
  }
  return binding.tools.map((t) => ({
    name: t.name,
    summary: listed.get(t.name)?.description ?? listed.get(t.name)?.title,
    enabled: t.enabled,
    override: t.description || undefined,
    missing: server ? !listed.has(t.name) : false,
    approval: t.approval,
    annotations: listed.get(t.name)?.annotations,
  }));
}

/** "enabled/total" across bound servers, counting only tools the servers currently list. */
export function countTools(bindings: ToolBinding[], servers: McpServerView[] | undefined) {
  let enabled = 0;
  let total = 0;
  for (const binding of bindings) {
    const server = servers?.find((s) => s.id === binding.serverId);
    if (servers && !server) continue;
    for (const row of boundRows(binding, server)) {
      if (row.missing) continue;
      total += 1;
      if (row.enabled) enabled += 1;
    }
  }
  return { enabled, total };
}

export function setToolEnabled(binding: ToolBinding, name: string, enabled: boolean): ToolBinding {
  const has = binding.tools.some((t) => t.name === name);
  return {
    ...binding,
    tools: has ? binding.tools.map((t) => (t.name === name ? { ...t, enabled } : t)) : [...binding.tools, { name, enabled }],
  };
}

/** Sets (or, with an empty text, clears) the description the model sees for one tool; its switch is unchanged. */
export function setToolDescription(binding: ToolBinding, name: string, description: string, enabled: boolean): ToolBinding {
  const text = description.trim() || undefined;
  const has = binding.tools.some((t) => t.name === name);
  const entry = (t: ToolBinding["tools"][number]) => {
    const { description: _old, ...rest } = t;
    return text ? { ...rest, description: text } : rest;
  };
  return {
    ...binding,
    tools: has ? binding.tools.map((t) => (t.name === name ? entry(t) : t)) : [...binding.tools, entry({ name, enabled })],
  };
}

/** Sets the owner's approval choice for one tool, or with undefined goes back to the default from the annotations.
 *  With mode "all" a tool without an entry gets one, keeping its switch. */
export function setToolApproval(binding: ToolBinding, name: string, approval: ToolApprovalChoice | undefined, enabled: boolean): ToolBinding {
  const has = binding.tools.some((t) => t.name === name);
  const entry = (t: ToolEntry): ToolEntry => {
    const { approval: _old, ...rest } = t;
    return approval ? { ...rest, approval } : rest;
  };
  return {
    ...binding,
    tools: has ? binding.tools.map((t) => (t.name === name ? entry(t) : t)) : [...binding.tools, entry({ name, enabled })],
  };
}

/** What the Add tools dialog picked for one server: everything (following updates) or some names. */
export type ToolPick = { mode: "all" } | { mode: "selected"; names: Set<string> };

export function picksFrom(bindings: ToolBinding[]): Map<string, ToolPick> {
  return new Map(
    bindings.map((b) => [b.serverId, b.mode === "all" ? { mode: "all" } : { mode: "selected", names: new Set(b.tools.map((t) => t.name)) }]),
  );
}

/** New bindings from the picks: existing ones keep their place and their switches, new ones follow in list order.
 *  Bindings to servers the list does not show (removed) are left as they are. */
export function applyPicks(bindings: ToolBinding[], picks: Map<string, ToolPick>, servers: McpServerView[]): ToolBinding[] {
  const toBinding = (server: McpServerView, previous?: ToolBinding): ToolBinding | null => {
    const pick = picks.get(server.id);
    if (!pick) return null;
    // The resources chosen as context stay with the server whatever its tools become.
    const kept = previous?.resources ? { resources: previous.resources } : {};
    if (pick.mode === "all") return { serverId: server.id, mode: "all", tools: previous?.mode === "all" ? previous.tools : [], ...kept };
    // In the server's order; names it no longer lists are dropped, as the dialog cannot show them.
    const names = server.tools.map((t) => t.name).filter((n) => pick.names.has(n));
    if (names.length === 0) return null;
    // A tool picked before keeps its whole entry: its switch, description and approval choice.
    return { serverId: server.id, mode: "selected", tools: names.map((name) => previous?.tools.find((t) => t.name === name) ?? { name, enabled: true }), ...kept };
  };
  const next: ToolBinding[] = [];
  for (const binding of bindings) {
    const server = servers.find((s) => s.id === binding.serverId);
    if (!server) next.push(binding);
    else {
      const updated = toBinding(server, binding);
      if (updated) next.push(updated);
    }
  }
  for (const server of servers) {
    if (bindings.some((b) => b.serverId === server.id)) continue;
    const added = toBinding(server);
    if (added) next.push(added);
  }
  return next;
}

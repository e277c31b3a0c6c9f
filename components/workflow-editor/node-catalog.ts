// What the canvas calls each node type, its icon, and which types a person may add from the palette.
import { Bot, Braces, Code2, FileText, Flag, GitBranch, Globe, MessageSquare, Play, Repeat, Sparkles, Wrench, type LucideIcon } from "lucide-react";
import type { NodeType, WorkflowMode } from "@/server/workflows/graph";

export const nodeCatalog: Record<NodeType, { label: string; icon: LucideIcon; description: string }> = {
  start: { label: "Start", icon: Play, description: "The app's input form." },
  llm: { label: "LLM", icon: Sparkles, description: "One model call with a prompt." },
  agent: { label: "Agent", icon: Bot, description: "A model that calls tools over several rounds." },
  "mcp-tool": { label: "MCP tool", icon: Wrench, description: "Calls one tool of an MCP server." },
  http: { label: "HTTP request", icon: Globe, description: "Calls a URL and reads the answer." },
  "if-else": { label: "If/Else", icon: GitBranch, description: "Takes the true or the false branch." },
  iteration: { label: "Iteration", icon: Repeat, description: "Runs its steps once per item of a list." },
  template: { label: "Template", icon: FileText, description: "Text built from earlier outputs." },
  code: { label: "Code", icon: Code2, description: "JavaScript that returns declared outputs." },
  end: { label: "End", icon: Flag, description: "The workflow's named outputs." },
  answer: { label: "Answer", icon: MessageSquare, description: "What the chatflow replies." },
};

/** The palette's types in a mode: a workflow ends with End, a chatflow answers with Answer. */
export function paletteTypes(mode: WorkflowMode): NodeType[] {
  const steps: NodeType[] = ["llm", "agent", "mcp-tool", "http", "if-else", "iteration", "template", "code"];
  return [...steps, mode === "chatflow" ? "answer" : "end"];
}

/** Types that cannot sit inside an Iteration's body (check-graph.ts refuses them there). */
export const outsideIterationOnly = new Set<NodeType>(["start", "end", "answer", "iteration"]);

export const referenceIcon = Braces;

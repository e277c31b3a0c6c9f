// A readable comparison of two app configs, section by section, for the Versions page: the prompt as a line diff,
// the model, inputs and tools as one line per change. Pure, so it is unit-tested.
import type { AppConfig } from "@/server/apps/app-config";
import { diffWorkflows } from "./workflow-diff";

export type LineChange = { kind: "same" | "added" | "removed"; text: string };
export interface ConfigDiff {
  instructions: LineChange[] | null;
  /** One sentence per change in the model, the inputs, the tools and the rest. */
  changes: { section: "Model" | "Inputs" | "Tools" | "Opening statement" | "Tool rounds" | "Steps"; text: string }[];
}

/** Line diff by longest common subsequence; prompts are short enough for the quadratic table. */
export function diffLines(from: string, to: string): LineChange[] {
  const a = from.split("\n");
  const b = to.split("\n");
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: LineChange[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) out.push({ kind: "same", text: a[i++]! }), j++;
    // Removed before added on a tie, as diffs read.
    else if (i < a.length && (j >= b.length || lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) out.push({ kind: "removed", text: a[i++]! });
    else out.push({ kind: "added", text: b[j++]! });
  }
  return out;
}

const modelName = (m: AppConfig["model"]) => (m ? m.model : "no model");
const stable = (value: unknown) => JSON.stringify(value, (_, v) => (v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort()) : v));

/**
 * What changes when going from `from` (a version) to `to` (the draft). `serverName` turns a tool server's id into
 * its name where the page knows it.
 */
export function diffConfigs(from: AppConfig, to: AppConfig, serverName: (id: string) => string = (id) => id): ConfigDiff {
  const changes: ConfigDiff["changes"] = [];
  if (stable(from.model) !== stable(to.model)) {
    if (from.model?.model !== to.model?.model || from.model?.providerId !== to.model?.providerId) {
      changes.push({ section: "Model", text: `${modelName(from.model)} → ${modelName(to.model)}` });
    } else {
      changes.push({ section: "Model", text: `settings of ${modelName(to.model)} changed (temperature ${from.model?.temperature ?? "default"} → ${to.model?.temperature ?? "default"}, max tokens ${from.model?.maxTokens ?? "default"} → ${to.model?.maxTokens ?? "default"})` });
    }
  }
  const fromVars = new Map(from.variables.map((v) => [v.key, v]));
  const toVars = new Map(to.variables.map((v) => [v.key, v]));
  for (const [key, v] of fromVars) if (!toVars.has(key)) changes.push({ section: "Inputs", text: `removed "${v.label}" (${key})` });
  for (const [key, v] of toVars) {
    const old = fromVars.get(key);
    if (!old) changes.push({ section: "Inputs", text: `added "${v.label}" (${key}, ${v.type}${v.required ? ", required" : ""})` });
    else if (stable(old) !== stable(v)) changes.push({ section: "Inputs", text: `changed "${v.label}" (${key})` });
  }
  const fromTools = new Map(from.tools.map((t) => [t.serverId, t]));
  const toTools = new Map(to.tools.map((t) => [t.serverId, t]));
  for (const [id] of fromTools) if (!toTools.has(id)) changes.push({ section: "Tools", text: `removed ${serverName(id)}` });
  for (const [id, t] of toTools) {
    const old = fromTools.get(id);
    if (!old) changes.push({ section: "Tools", text: `added ${serverName(id)}` });
    else if (stable(old) !== stable(t)) changes.push({ section: "Tools", text: `changed which tools of ${serverName(id)} are on` });
  }
  if (from.maxToolRounds !== to.maxToolRounds) changes.push({ section: "Tool rounds", text: `${from.maxToolRounds} → ${to.maxToolRounds}` });
  if (from.openingStatement !== to.openingStatement) changes.push({ section: "Opening statement", text: "changed" });
  for (const text of diffWorkflows(from.workflow, to.workflow)) changes.push({ section: "Steps", text });
  return { instructions: from.instructions === to.instructions ? null : diffLines(from.instructions, to.instructions), changes };
}

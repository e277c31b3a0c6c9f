"use client";
// Settings of the nodes that call a model or a tool: LLM, Agent, MCP tool.
import { useQuery } from "@tanstack/react-query";
import { ModelSection } from "@/components/app-editor/model-section";
import { ToolsSection } from "@/components/app-editor/tools-section";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/select";
import type { NodeOfType } from "@/server/workflows/graph";
import { TemplateField, type NodeFormProps } from "./template-field";

function ProblemText({ message }: { message?: string }) {
  return message ? <p className="text-[13px] text-destructive">{message}</p> : null;
}

export function LlmForm({ node, onChange, refs, problem, disabled }: NodeFormProps<NodeOfType<"llm">>) {
  const data = node.data;
  return (
    <>
      <ModelSection value={data.model} needsTools={false} disabled={disabled} onChange={(model) => onChange({ ...data, model })} />
      <ProblemText message={problem("model")} />
      <TemplateField label="System prompt" value={data.system} refs={refs} error={problem("system")} disabled={disabled} onChange={(system) => onChange({ ...data, system })} />
      <TemplateField label="Prompt" value={data.prompt} refs={refs} error={problem("prompt")} rows={5} disabled={disabled} onChange={(prompt) => onChange({ ...data, prompt })} />
    </>
  );
}

export function AgentForm({ node, onChange, refs, problem, disabled }: NodeFormProps<NodeOfType<"agent">>) {
  const data = node.data;
  return (
    <>
      <ModelSection value={data.model} needsTools disabled={disabled} onChange={(model) => onChange({ ...data, model })} />
      <ProblemText message={problem("model")} />
      <TemplateField label="Instructions" value={data.instructions} refs={refs} error={problem("instructions")} disabled={disabled} onChange={(instructions) => onChange({ ...data, instructions })} />
      <TemplateField label="Prompt" value={data.prompt} refs={refs} error={problem("prompt")} disabled={disabled} onChange={(prompt) => onChange({ ...data, prompt })} />
      <ToolsSection
        tools={data.tools}
        maxToolRounds={data.maxToolRounds}
        disabled={disabled}
        onChange={(tools) => onChange({ ...data, tools })}
        onRoundsChange={(maxToolRounds) => onChange({ ...data, maxToolRounds })}
      />
    </>
  );
}

export function McpToolForm({ node, onChange, refs, problem, disabled }: NodeFormProps<NodeOfType<"mcp-tool">>) {
  const trpc = useTRPC();
  const servers = useQuery(trpc.mcpServers.list.queryOptions());
  const data = node.data;
  const server = servers.data?.find((s) => s.id === data.serverId);
  const tool = server?.tools.find((t) => t.name === data.tool);
  const argumentNames = Object.keys((tool?.inputSchema.properties as Record<string, unknown> | undefined) ?? {});
  return (
    <>
      <Field label="Tool server" error={problem("tool") && !data.serverId ? problem("tool") : undefined}>
        <NativeSelect value={data.serverId} disabled={disabled} onChange={(e) => onChange({ ...data, serverId: e.target.value, tool: "", arguments: {} })}>
          <option value="">Choose a server…</option>
          {data.serverId && !server && <option value={data.serverId}>Removed server</option>}
          {servers.data?.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <Field label="Tool" error={data.serverId ? problem("tool") : undefined}>
        <NativeSelect value={data.tool} disabled={disabled || !server} onChange={(e) => onChange({ ...data, tool: e.target.value, arguments: {} })}>
          <option value="">Choose a tool…</option>
          {data.tool && !tool && <option value={data.tool}>{data.tool} (not listed)</option>}
          {server?.tools.map((t) => (
            <option key={t.name} value={t.name}>
              {t.title ?? t.name}
            </option>
          ))}
        </NativeSelect>
      </Field>
      {argumentNames.map((name) => (
        <TemplateField
          key={name}
          single
          label={`Argument ${name}`}
          value={data.arguments[name] ?? ""}
          refs={refs}
          error={problem(`arguments.${name}`)}
          disabled={disabled}
          onChange={(value) => onChange({ ...data, arguments: { ...data.arguments, [name]: value } })}
        />
      ))}
      <Field label="Approval" hint="Ask: the run waits for a person's yes before the call.">
        <NativeSelect value={data.approval ?? ""} disabled={disabled} onChange={(e) => onChange({ ...data, approval: (e.target.value || undefined) as "auto" | "ask" | undefined })}>
          <option value="">As the tool's hints say</option>
          <option value="auto">Run without asking</option>
          <option value="ask">Ask first</option>
        </NativeSelect>
      </Field>
    </>
  );
}

"use client";
import { ChevronRight } from "lucide-react";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import type { FieldErrors } from "./form-errors";
import { HeadersEditor } from "./headers-editor";
import { IconPicker } from "@/components/apps/icon-picker";
import { OAuthFields } from "./oauth-fields";
import { serverIconChoices, type McpTransport } from "./mcp-server-types";
import type { useServerForm } from "./use-server-form";

type Form = ReturnType<typeof useServerForm>;

const transportOptions: { value: McpTransport; label: string }[] = [
  { value: "auto", label: "Auto (2026-07-28, then 2025, then HTTP+SSE)" },
  { value: "streamable_http", label: "Streamable HTTP (2026-07-28 or 2025)" },
  { value: "sse", label: "HTTP+SSE (deprecated)" },
];

export const timeoutFields = [
  { key: "connectTimeout", path: "connectTimeoutMs", label: "Connect", max: 300 },
  { key: "callTimeout", path: "callTimeoutMs", label: "Per tool call", max: 3600 },
  { key: "sseReadTimeout", path: "sseReadTimeoutMs", label: "SSE read", max: 3600 },
] as const;

/** Everything the Add / Edit dialog asks for, in the order a person fills it in. */
export function ServerFormFields({
  form,
  errors,
  editing,
  advancedOpen,
  onAdvancedToggle,
}: {
  form: Form;
  errors: FieldErrors;
  editing: boolean;
  advancedOpen: boolean;
  onAdvancedToggle: (open: boolean) => void;
}) {
  const { state, set, setIdentifier } = form;
  return (
    <>
      <Field label="Server URL" error={errors.url}>
        <Input
          type="url"
          inputMode="url"
          value={state.url}
          onChange={(e) => set("url", e.target.value)}
          required
          maxLength={2000}
          placeholder="https://example.com/mcp"
          autoComplete="off"
          spellCheck={false}
          autoFocus={!editing}
        />
      </Field>
      <Field label="Name" error={errors.name}>
        <Input value={state.name} onChange={(e) => set("name", e.target.value)} required maxLength={60} placeholder="Weather tools" />
      </Field>
      <IconPicker
        choices={serverIconChoices}
        icon={state.icon}
        background={state.iconBackground}
        onIconChange={(icon) => set("icon", icon)}
        onBackgroundChange={(color) => set("iconBackground", color)}
      />
      <Field
        label="Server identifier"
        error={errors.identifier}
        hint={
          <>
            Up to 24 lowercase letters, digits, <code className="font-mono">_</code> or <code className="font-mono">-</code>; unique in
            the workspace. Models see its tools as{" "}
            <code className="font-mono text-foreground">{state.identifier || "identifier"}__tool_name</code>.
          </>
        }
      >
        <Input
          value={state.identifier}
          onChange={(e) => setIdentifier(e.target.value)}
          required
          maxLength={24}
          placeholder="weather_tools"
          autoComplete="off"
          spellCheck={false}
          className="font-mono"
        />
      </Field>
      <HeadersEditor rows={state.headers} onChange={(rows) => set("headers", rows)} errors={errors} editing={editing} />
      <OAuthFields form={form} errors={errors} />
      <Field
        label="Transport"
        error={errors.transport}
        hint={
          state.transport === "sse"
            ? "Deprecated in MCP 2026-07-28: choose it only for a server that offers nothing newer."
            : state.transport === "auto"
              ? "Tries the 2026-07-28 protocol first, then 2025 initialize, then the deprecated HTTP+SSE."
              : undefined
        }
      >
        <NativeSelect value={state.transport} onChange={(e) => set("transport", e.target.value as McpTransport)}>
          {transportOptions.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </NativeSelect>
      </Field>
      <details
        open={advancedOpen}
        onToggle={(e) => onAdvancedToggle(e.currentTarget.open)}
        className="group rounded-lg border"
      >
        <summary className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-3 py-2 text-sm font-medium hover:bg-accent focus-visible:outline-2 focus-visible:outline-ring [&::-webkit-details-marker]:hidden">
          <ChevronRight aria-hidden className="size-4 text-muted-foreground transition-transform group-open:rotate-90" />
          Advanced
          <span className="ml-auto text-xs font-normal text-muted-foreground">Timeouts</span>
        </summary>
        <div className="grid gap-3 border-t px-3 pb-3 pt-3 sm:grid-cols-3">
          {timeoutFields.map((t) => (
            <Field key={t.key} label={`${t.label} (s)`} error={errors[t.path]}>
              <Input
                type="number"
                inputMode="numeric"
                step={1}
                value={state[t.key]}
                onChange={(e) => set(t.key, e.target.value)}
              />
            </Field>
          ))}
        </div>
      </details>
    </>
  );
}

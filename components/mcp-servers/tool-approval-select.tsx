"use client";
// One bound tool's approval: run automatically, ask first, or the default from the server's annotations, with the
// default and its reason always in view. Saved with the app's draft (toolBindingSchema's `approval`).
import { useId } from "react";
import { NativeSelect } from "@/components/ui/select";
import { approvalDefault } from "./approval-default";
import type { ToolApprovalChoice } from "./tool-bindings";

export function ToolApprovalSelect({
  toolName,
  serverName,
  choice,
  annotations,
  disabled,
  onChange,
}: {
  toolName: string;
  serverName: string;
  choice: ToolApprovalChoice | undefined;
  annotations: Record<string, unknown> | undefined;
  disabled?: boolean;
  /** undefined: back to the default. */
  onChange: (choice: ToolApprovalChoice | undefined) => void;
}) {
  const fallback = approvalDefault(annotations);
  const lineId = useId();
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
      <NativeSelect
        aria-label={`Approval for ${toolName} from ${serverName}`}
        aria-describedby={lineId}
        wrapperClassName="w-auto"
        className="h-8 text-xs max-sm:h-9"
        value={choice ?? ""}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value === "" ? undefined : (e.target.value as ToolApprovalChoice))}
      >
        <option value="">{fallback.asks ? "Default (ask first)" : "Default (run automatically)"}</option>
        <option value="auto">Run automatically</option>
        <option value="ask">Ask first</option>
      </NativeSelect>
      <span id={lineId} className="min-w-0 text-xs text-muted-foreground">
        {fallback.text}
        {choice && " (your choice replaces it)"}
      </span>
    </div>
  );
}

"use client";
// A value as pretty JSON; a long one is clipped until "Show all".
import { useState } from "react";
import { Button } from "@/components/ui/button";

const clipAt = 1_200;

export function JsonView({ label, value }: { label: string; value: unknown }) {
  const [all, setAll] = useState(false);
  const text = typeof value === "string" ? value : (JSON.stringify(value, null, 2) ?? "null");
  const long = text.length > clipAt;
  return (
    <div className="grid min-w-0 gap-1">
      <p className="text-xs font-medium text-muted-foreground">{label}</p>
      <pre className="max-h-96 overflow-auto whitespace-pre-wrap [overflow-wrap:anywhere] rounded-md border bg-muted/50 p-2 font-mono text-xs">
        {long && !all ? `${text.slice(0, clipAt)}…` : text}
      </pre>
      {long && (
        <Button type="button" variant="link" size="sm" className="justify-self-start text-xs" onClick={() => setAll((v) => !v)}>
          {all ? "Show less" : `Show all (${text.length.toLocaleString("en")} characters)`}
        </Button>
      )}
    </div>
  );
}

"use client";
// A published server's URL with Copy and what else a client needs besides it, on an app's MCP Server tab and the
// workspace server's page.
import { CopyButton } from "@/components/ui/copy-button";
import { Input } from "@/components/ui/input";
import type { AccessMode } from "./access-modes";

const hints: Record<AccessMode, (secretCalls: string) => string> = {
  url: (secretCalls) => `The URL is a secret: anyone who has it can call ${secretCalls}. For a second lock, choose API key or Switchyard sign-in under Access.`,
  api_key: () => "Clients also need one of the server's API keys.",
  sign_in: () => "Callers also sign in with their Switchyard account.",
};

/** `secretCalls`: what the URL alone opens ("the app", "every app it offers"). */
export function ServerUrlField({ id, url, mode, secretCalls }: { id: string; url: string; mode: AccessMode; secretCalls: string }) {
  return (
    <div className="grid gap-2">
      <label htmlFor={id} className="text-sm font-medium">
        Server URL
      </label>
      <div className="flex gap-2">
        <Input id={id} readOnly value={url} className="font-mono text-xs" onFocus={(e) => e.target.select()} />
        <CopyButton value={url} label="server URL" variant="outline" />
      </div>
      <p className="text-[13px] text-muted-foreground">{hints[mode](secretCalls)}</p>
    </div>
  );
}

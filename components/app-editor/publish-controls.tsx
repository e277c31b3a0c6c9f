"use client";
// The editor's Publish button, quiet ("Published") while the draft equals the published version, and the pointer
// shown after a publish to where the app is used from: the MCP Server tab.
import { ArrowRight, Check, X } from "lucide-react";
import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";

export function PublishButton({ pending, nothingNew, onPublish }: { pending: boolean; nothingNew: boolean; onPublish(): void }) {
  if (nothingNew && !pending) {
    return (
      <Button variant="secondary" disabled title="The draft is the published version: edit it to publish again.">
        <Check aria-hidden /> Published
      </Button>
    );
  }
  return (
    <Button loading={pending} onClick={onPublish}>
      Publish
    </Button>
  );
}

export function PublishedPointer({ appId, version, onDismiss }: { appId: string; version: number; onDismiss(): void }) {
  return (
    <div role="status" className="mb-6 flex flex-wrap items-center gap-3 rounded-xl border border-success/30 bg-success/10 px-4 py-3">
      <div className="min-w-0 flex-1 basis-60">
        <p className="text-sm font-medium">Version {version} is published.</p>
        <p className="text-sm text-muted-foreground">Use this app from Claude, Cursor or any MCP client: turn on its MCP server and copy the configuration.</p>
      </div>
      <Link href={`/apps/${appId}/publish`} className={buttonVariants({ size: "sm" })}>
        Connect a client <ArrowRight aria-hidden />
      </Link>
      <Button variant="ghost" size="icon-sm" aria-label="Dismiss" onClick={onDismiss}>
        <X aria-hidden />
      </Button>
    </div>
  );
}

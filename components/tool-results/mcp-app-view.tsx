"use client";
// A tool's MCP App in Debug & Preview. The server side reads the app's HTML from its MCP server and serves it at a
// same-origin URL whose CSP sandboxes it (app/mcp/app-view); the frame is sandboxed here too, without
// allow-same-origin, so the app runs in an opaque origin: no console cookies, storage or DOM. The ext-apps
// AppBridge speaks the extension's protocol over postMessage and hands the app the call's input and result.
import { AppBridge, PostMessageTransport } from "@modelcontextprotocol/ext-apps/app-bridge";
import { useMutation } from "@tanstack/react-query";
import { AppWindow, LoaderCircle } from "lucide-react";
import { useEffect, useRef, useState } from "react";
import { useTRPC } from "@/components/trpc/trpc-provider";
import type { RuntimeToolContent, RuntimeToolResult } from "@/server/agent/runtime-tool";

const hostInfo = { name: "Switchyard Debug & Preview", version: "1" };
const minHeight = 80;
const maxHeight = 640;

/** Back to MCP content blocks: the stored result keeps no blob of a binary resource, so that one goes as a link. */
function toMcpContent(part: RuntimeToolContent) {
  if (part.type === "resource") {
    const { uri, mimeType, text } = part.resource;
    return text === undefined ? { type: "resource_link" as const, uri, name: uri, mimeType } : { type: "resource" as const, resource: { uri, mimeType, text } };
  }
  if (part.type === "resource_link") return { ...part, name: part.name ?? part.uri };
  return part;
}

export function McpAppView({ app, toolArguments, result }: { app: NonNullable<RuntimeToolResult["app"]>; toolArguments: unknown; result: RuntimeToolResult }) {
  const trpc = useTRPC();
  const open = useMutation(trpc.mcpServers.openApp.mutationOptions());
  const frame = useRef<HTMLIFrameElement>(null);
  const [height, setHeight] = useState(240);
  const { mutate } = open;

  useEffect(() => mutate({ id: app.serverId, uri: app.resourceUri }), [mutate, app.serverId, app.resourceUri]);

  const url = open.data?.url;
  useEffect(() => {
    const view = frame.current?.contentWindow;
    if (!url || !view) return;
    // Shows only: no tool calls, links, messages or model context from the app (no such host capabilities).
    const bridge = new AppBridge(null, hostInfo, {});
    bridge.onsizechange = ({ height: wanted }) => {
      if (wanted !== undefined) setHeight(Math.min(maxHeight, Math.max(minHeight, Math.ceil(wanted))));
    };
    bridge.oninitialized = () => {
      void bridge.sendToolInput({ arguments: (toolArguments ?? {}) as Record<string, unknown> });
      void bridge.sendToolResult({ content: result.content.map(toMcpContent), structuredContent: result.structuredContent as Record<string, unknown> | undefined, isError: result.isError });
    };
    void bridge.connect(new PostMessageTransport(view, view));
    return () => void bridge.close();
  }, [url, toolArguments, result]);

  return (
    <div className="grid gap-1" data-testid="mcp-app">
      <p className="flex min-w-0 items-center gap-1.5 text-xs text-muted-foreground">
        <AppWindow aria-hidden className="size-3.5 shrink-0" />
        <span className="truncate font-mono" title={app.resourceUri}>{app.resourceUri}</span>
      </p>
      {open.isPending && (
        <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
          <LoaderCircle aria-hidden className="size-3.5 animate-spin" /> Loading the app…
        </p>
      )}
      {open.error && <p className="text-xs text-destructive" role="alert">{open.error.message}</p>}
      {url && (
        <iframe
          ref={frame}
          src={url}
          title={`App ${app.resourceUri}`}
          sandbox="allow-scripts"
          referrerPolicy="no-referrer"
          style={{ height }}
          className="w-full rounded border bg-white"
        />
      )}
    </div>
  );
}

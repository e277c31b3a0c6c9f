"use client";
// Ready-to-paste configuration for the common MCP clients, each with a copy button.
import { useState } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { Label } from "@/components/ui/label";
import { Switch } from "@/components/ui/switch";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";

interface Snippet {
  id: string;
  label: string;
  /** Where it goes, in the client's own words. */
  where: string;
  code: string;
}

const keyPlaceholder = "<your API key>";

export function clientSnippets(url: string, name: string, withKey: boolean): Snippet[] {
  const headers = withKey ? { headers: { Authorization: `Bearer ${keyPlaceholder}` } } : {};
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  const remoteArgs = ["mcp-remote", url, ...(withKey ? ["--header", `Authorization: Bearer ${keyPlaceholder}`] : [])];
  return [
    {
      id: "claude",
      label: "Claude Desktop",
      where: withKey
        ? "Claude Desktop's custom connectors take a URL only: use the mcp-remote configuration to send an API key."
        : "In Claude Desktop open Settings → Connectors → Add custom connector, and paste this URL.",
      code: url,
    },
    { id: "cursor", label: "Cursor", where: "Add to .cursor/mcp.json in your project (or ~/.cursor/mcp.json for every project).", code: json({ mcpServers: { [name]: { url, ...headers } } }) },
    { id: "vscode", label: "VS Code", where: "Add to .vscode/mcp.json in your workspace.", code: json({ servers: { [name]: { type: "http", url, ...headers } } }) },
    {
      id: "stdio",
      label: "mcp-remote (stdio)",
      where: "For clients that only start local servers: they run mcp-remote, which connects to this URL. Needs Node.js.",
      code: json({ mcpServers: { [name]: { command: "npx", args: remoteArgs } } }),
    },
  ];
}

export function ClientConfigCard({ url, name }: { url: string; name: string }) {
  const [withKey, setWithKey] = useState(false);
  const snippets = clientSnippets(url, name, withKey);
  return (
    <Card>
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
        <div>
          <CardTitle as="h2">Connect a client</CardTitle>
          <CardDescription>Copy the configuration for your MCP client.</CardDescription>
        </div>
        <div className="flex items-center gap-2">
          <Switch id="config-with-key" checked={withKey} onCheckedChange={setWithKey} />
          <Label htmlFor="config-with-key">Include an API key</Label>
        </div>
      </CardHeader>
      <CardContent>
        <Tabs defaultValue="claude">
          <TabsList>
            {snippets.map((s) => (
              <TabsTrigger key={s.id} value={s.id}>
                {s.label}
              </TabsTrigger>
            ))}
          </TabsList>
          {snippets.map((s) => (
            <TabsContent key={s.id} value={s.id} className="grid grid-cols-1 gap-2">
              <p className="text-sm text-muted-foreground">{s.where}</p>
              <div className="relative">
                <pre className="overflow-x-auto rounded-lg border bg-muted/40 p-3 pr-12 font-mono text-xs leading-relaxed" aria-label={`${s.label} configuration`}>
                  {s.code}
                </pre>
                <CopyButton value={s.code} label={`${s.label} configuration`} className="absolute right-2 top-2" />
              </div>
            </TabsContent>
          ))}
        </Tabs>
      </CardContent>
    </Card>
  );
}

"use client";
// "Connect a client": per client, the steps that are true today, what to paste (with a copy button), an install link
// where the client has one, and what this server's access mode means for that client. In API-key mode the
// configurations carry the Authorization header with a placeholder (the real key only in the dialog that creates it).
import { CircleAlert, CircleCheck, ExternalLink } from "lucide-react";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { CopyButton } from "@/components/ui/copy-button";
import { cn } from "@/components/ui/cn";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { accessModeText, type AccessMode } from "./access-modes";
import { clientInstructions, type ClientInstructions } from "./client-instructions";

export function ClientConfigCard({ url, name, mode }: { url: string; name: string; mode: AccessMode }) {
  const clients = clientInstructions(url, name, mode);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Connect a client</CardTitle>
        <CardDescription>
          Access is &ldquo;{accessModeText[mode].label}&rdquo;. Choose your client: each tab says what to do and whether it works with this access.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Tabs defaultValue={mode === "api_key" ? "claude-code" : "claude"}>
          <TabsList className="h-auto flex-wrap">
            {clients.map((c) => (
              <TabsTrigger key={c.id} value={c.id}>
                {c.label}
              </TabsTrigger>
            ))}
          </TabsList>
          {clients.map((c) => (
            <TabsContent key={c.id} value={c.id} className="grid min-w-0 grid-cols-1 gap-3">
              <ClientTab client={c} />
            </TabsContent>
          ))}
        </Tabs>
      </CardContent>
    </Card>
  );
}

function ClientTab({ client: c }: { client: ClientInstructions }) {
  const Icon = c.access.works ? CircleCheck : CircleAlert;
  return (
    <>
      <p
        role="note"
        aria-label={`${c.label} and this access`}
        className={cn(
          "flex items-start gap-2 rounded-md border px-3 py-2 text-[13px]",
          c.access.works ? "border-success/20 bg-success/10" : "border-warning/25 bg-warning/10",
        )}
      >
        <Icon aria-hidden className={cn("mt-0.5 size-4 shrink-0", c.access.works ? "text-success" : "text-warning")} />
        <span>{c.access.note}</span>
      </p>
      <ol className="grid list-decimal gap-1 pl-5 text-sm text-muted-foreground">
        {c.steps.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      {c.installLink && (
        <a href={c.installLink.href} className={cn(buttonVariants({ variant: "outline", size: "sm" }), "justify-self-start")}>
          <ExternalLink aria-hidden /> {c.installLink.label}
        </a>
      )}
      <Block title={c.configName} label={`${c.label} configuration`} code={c.config} />
      {c.extra && <Block title={c.extra.name} label={`${c.label} ${c.extra.name.toLowerCase()}`} code={c.extra.code} />}
    </>
  );
}

function Block({ title, label, code }: { title: string; label: string; code: string }) {
  return (
    <div className="grid min-w-0 gap-1">
      <p className="text-xs font-medium text-muted-foreground">{title}</p>
      <div className="relative min-w-0">
        <pre className="overflow-x-auto whitespace-pre rounded-lg border bg-muted/40 p-3 pr-12 font-mono text-xs leading-relaxed" aria-label={label}>
          {code}
        </pre>
        <CopyButton value={code} label={label} className="absolute right-2 top-2" />
      </div>
    </div>
  );
}

// What a person sees before a client may act as them on one published server (an app's, or the workspace server).
import { Globe, ShieldAlert, Wrench } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { ConsentView } from "@/server/authorization-server/consent";

type Ask = Extract<ConsentView, { kind: "ask" }>;

export function ConsentCard({ view, allow, deny }: { view: Ask; allow: () => Promise<void>; deny: () => Promise<void> }) {
  const { client, server, user } = view;
  return (
    <Card>
      <CardHeader>
        <div className="flex items-center gap-3">
          {client.logoUri?.startsWith("https://") ? (
            // eslint-disable-next-line @next/next/no-img-element -- a client's own logo from its metadata, any host
            <img src={client.logoUri} alt="" className="size-10 rounded-md border object-contain" referrerPolicy="no-referrer" />
          ) : (
            <div aria-hidden className="flex size-10 items-center justify-center rounded-md border bg-muted text-lg font-semibold">
              {client.name.slice(0, 1).toUpperCase()}
            </div>
          )}
          <CardTitle as="h1" className="text-lg">
            Allow {client.name} to use {server.name}?
          </CardTitle>
        </div>
        <CardDescription>
          Signed in as <strong className="text-foreground">{user.name ? `${user.name} (${user.email})` : user.email}</strong>. {client.name} will call this
          server as you, and its calls will be logged under your name.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-4 text-sm">
        <dl className="grid gap-3">
          <div className="flex gap-2">
            <Wrench aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
            <div className="min-w-0">
              <dt className="font-medium">{server.kind === "app" ? "Server and tool" : "Server and tools"}</dt>
              <dd className="text-muted-foreground">
                {server.kind === "app" ? (
                  <>
                    {server.name} in {server.workspaceName}: the tool <code className="break-all">{server.toolName}</code>. {server.toolDescription}
                  </>
                ) : (
                  <>
                    {server.name}: all its apps&apos; tools, one for each published app of {server.workspaceName} that its admins offer there, including apps
                    added later.
                  </>
                )}
              </dd>
            </div>
          </div>
          <div className="flex gap-2">
            <Globe aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
            <div className="min-w-0">
              <dt className="font-medium">Returns to</dt>
              <dd className="break-all text-muted-foreground">{client.redirectHost}</dd>
            </div>
          </div>
        </dl>
        {!client.knownHost && (
          <p role="note" className="flex gap-2 rounded-md border border-warning/40 bg-warning/10 p-3 text-foreground">
            <ShieldAlert aria-hidden className="mt-0.5 size-4 shrink-0" />
            <span>
              No one in this workspace has connected an app that returns to <strong className="break-all">{client.redirectHost}</strong> before. Allow only if you
              started this connection yourself and you recognise this app.
            </span>
          </p>
        )}
        <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <form action={deny}>
            <Button type="submit" variant="outline" className="w-full sm:w-auto">
              Deny
            </Button>
          </form>
          <form action={allow}>
            <Button type="submit" className="w-full sm:w-auto">
              Allow
            </Button>
          </form>
        </div>
        <p className="text-xs text-muted-foreground">You can disconnect it at any time in Account settings.</p>
      </CardContent>
    </Card>
  );
}

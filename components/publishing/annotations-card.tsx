"use client";
// "How clients treat this tool": the four MCP tool annotations, each automatic (derived from what the app does, with
// the reason) or set by the owner. Clients act on them (Claude runs read-only tools without asking), so each says
// in one line what it changes. Saved together; every server offering the app shows them at its next request.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/select";
import type { ServerStatus } from "./types";

type Annotations = ServerStatus["annotations"];
type Hint = keyof Annotations;
type Choice = boolean | null;

const hints: { name: Hint; label: string; line: string }[] = [
  { name: "readOnlyHint", label: "Only reads", line: "Claude runs a read-only tool without asking first." },
  { name: "destructiveHint", label: "May delete or overwrite", line: "Clients ask before running a tool that may destroy data. A read-only tool never is." },
  { name: "idempotentHint", label: "Same call, same result", line: "Clients may safely retry a call when repeating it changes nothing more." },
  { name: "openWorldHint", label: "Reaches outside systems", line: "The tool talks to the web or other services, not only to its model." },
];

const yesNo = (value: boolean) => (value ? "yes" : "no");
const asValue = (choice: Choice) => (choice === null ? "auto" : String(choice));
const asChoice = (value: string): Choice => (value === "auto" ? null : value === "true");
const chosenOf = (annotations: Annotations) => Object.fromEntries(hints.map(({ name }) => [name, annotations[name].chosen])) as Record<Hint, Choice>;

export function AnnotationsCard({ appId, annotations }: { appId: string; annotations: Annotations }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState(() => chosenOf(annotations));
  const save = useMutation(
    trpc.publishedServers.setAnnotations.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.publishedServers.get.queryFilter({ appId }));
        toast.success("Saved: clients see it from their next request");
      },
    }),
  );
  const dirty = hints.some(({ name }) => chosen[name] !== annotations[name].chosen);
  // A read-only tool is never destructive (tool-annotations.ts resolveAnnotations): say so before saving.
  const readOnly = chosen.readOnlyHint ?? annotations.readOnlyHint.derived;

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">How clients treat this tool</CardTitle>
        <CardDescription>Hints MCP clients use to decide when to ask before a call. Automatic follows what the app can do.</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="grid gap-3" aria-label="Tool hints">
          {hints.map(({ name, label, line }) => {
            const item = annotations[name];
            const id = `hint-${name}`;
            const overruled = name === "destructiveHint" && readOnly;
            return (
              <li key={name} className="grid gap-2 rounded-lg border p-3 sm:grid-cols-[1fr_13rem] sm:items-start">
                <div className="grid min-w-0 gap-0.5">
                  <Label htmlFor={id}>{label}</Label>
                  <p id={`${id}-line`} className="text-[13px] text-muted-foreground">
                    {line}
                  </p>
                  <p id={`${id}-why`} className="text-[13px] text-muted-foreground">
                    {overruled ? "Off while the tool only reads." : chosen[name] === null ? `Automatic: ${yesNo(item.derived)}. ${item.why}` : `Automatic would be ${yesNo(item.derived)}. ${item.why}`}
                  </p>
                </div>
                <NativeSelect
                  id={id}
                  aria-describedby={`${id}-line ${id}-why`}
                  value={asValue(chosen[name])}
                  disabled={save.isPending}
                  onChange={(event) => setChosen((current) => ({ ...current, [name]: asChoice(event.target.value) }))}
                >
                  <option value="auto">Automatic ({yesNo(item.derived)})</option>
                  <option value="true">Yes</option>
                  <option value="false">No</option>
                </NativeSelect>
              </li>
            );
          })}
        </ul>
        {save.error && (
          <p role="alert" className="mt-3 text-sm text-destructive">
            {save.error.message}
          </p>
        )}
      </CardContent>
      <CardFooter>
        <Button disabled={!dirty} loading={save.isPending} onClick={() => save.mutateAsync({ appId, hints: chosen }).catch(() => undefined)}>
          Save hints
        </Button>
        {dirty && (
          <Button variant="ghost" onClick={() => setChosen(chosenOf(annotations))}>
            Cancel
          </Button>
        )}
      </CardFooter>
    </Card>
  );
}

"use client";
// The server's instructions (MCP 2025-06-18 `instructions`): what its tools are for, which the client shows its model.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SaveError } from "@/components/ui/save-error";
import { SaveFooter } from "@/components/ui/save-footer";
import { Textarea } from "@/components/ui/textarea";

const maxLength = 4_000;

export function InstructionsCard({ instructions, canChange }: { instructions: string; canChange: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [text, setText] = useState(instructions);
  const save = useMutation(
    trpc.workspaceServer.update.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries(trpc.workspaceServer.get.queryFilter());
        toast.success("Instructions saved");
      },
    }),
  );

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Instructions</CardTitle>
        <CardDescription>Tell the client&apos;s model what these tools are for and when to use which. Clients read them when they connect.</CardDescription>
      </CardHeader>
      <CardContent className="grid gap-2">
        <Textarea
          aria-label="Server instructions"
          aria-describedby="instructions-count"
          rows={6}
          value={text}
          maxLength={maxLength}
          disabled={!canChange}
          placeholder="Tools of the Acme support team: use the order lookup before answering questions about an order."
          onChange={(e) => setText(e.target.value)}
        />
        <p id="instructions-count" className="text-xs text-muted-foreground tabular-nums">
          {text.length.toLocaleString("en")} / {maxLength.toLocaleString("en")} characters
        </p>
        <SaveError error={save.error} />
      </CardContent>
      {canChange && (
        <SaveFooter label="Save instructions" disabled={text === instructions} pending={save.isPending} onSave={() => save.mutate({ instructions: text })} />
      )}
    </Card>
  );
}

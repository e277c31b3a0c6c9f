"use client";
// "Tools that ask first": what a published call does with an agent tool that asks a person first (the owner's
// choice per bound tool, else the server's annotations) when the calling client cannot be asked. Shared by an
// app's MCP Server tab and Settings -> MCP server; the change reaches every instance at the next request.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { toast } from "sonner";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Label } from "@/components/ui/label";
import { RadioGroup, RadioGroupItem } from "@/components/ui/radio-group";
import { SaveError } from "@/components/ui/save-error";
import { SaveFooter } from "@/components/ui/save-footer";
import { useServerApi, type ApprovalPolicy, type ServerRef } from "./server-api";

const choices: { value: ApprovalPolicy; label: string; line: string }[] = [
  { value: "deny", label: "Refuse, and tell the model why", line: "The tool does not run; the model hears it was refused and can answer without it." },
  { value: "allow", label: "Run them anyway", line: "The tool runs as if someone had approved it. Choose this only for clients you trust." },
];

export function ApprovalPolicyCard({ server, policy, canChange }: { server: ServerRef; policy: ApprovalPolicy; canChange: boolean }) {
  const api = useServerApi(server);
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState(policy);
  const save = useMutation({
    mutationFn: api.setApprovalPolicy,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: api.statusKey });
      toast.success("Approval policy saved: it applies from the next request");
    },
  });
  const idOf = (value: ApprovalPolicy) => `approval-policy-${value}`;

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Tools that ask first</CardTitle>
        <CardDescription>
          When an agent calls a tool that asks first and the calling client cannot be asked. Clients that support elicitation are asked instead.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-4">
        {!canChange && <p className="text-[13px] text-muted-foreground">Only owners and admins can change this.</p>}
        <RadioGroup
          aria-label="Tools that ask first"
          value={chosen}
          onValueChange={(v) => setChosen(v as ApprovalPolicy)}
          disabled={!canChange || save.isPending}
        >
          {choices.map((c) => (
            <div key={c.value} className="flex items-start gap-3 rounded-lg border p-3 has-[[data-state=checked]]:border-primary/50 has-[[data-state=checked]]:bg-accent/30">
              <RadioGroupItem value={c.value} id={idOf(c.value)} aria-describedby={`${idOf(c.value)}-line`} className="mt-0.5" />
              <div className="grid min-w-0 gap-0.5">
                <Label htmlFor={idOf(c.value)} className="cursor-pointer">
                  {c.label}
                </Label>
                <p id={`${idOf(c.value)}-line`} className="text-[13px] text-muted-foreground">
                  {c.line}
                </p>
              </div>
            </div>
          ))}
        </RadioGroup>
        <SaveError error={save.error} />
      </CardContent>
      {canChange && (
        <SaveFooter
          label="Save policy"
          disabled={chosen === policy}
          pending={save.isPending}
          onSave={() => save.mutate(chosen)}
          onCancel={chosen !== policy ? () => setChosen(policy) : undefined}
        />
      )}
    </Card>
  );
}

"use client";
import { Blocks, Plus } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** The workspace's apps; empty until app building lands, so it shows the first step. */
export function AppsList() {
  return (
    <EmptyState
      icon={Blocks}
      title="No apps yet"
      description="Create a chat, agent or text-generator app, give it a prompt and a model, and try it in Debug & Preview."
      action={
        <Button disabled title="App building arrives in the next release">
          <Plus aria-hidden /> Create app
        </Button>
      }
    />
  );
}

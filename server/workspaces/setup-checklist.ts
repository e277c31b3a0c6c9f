// The first-run checklist: four steps from an empty workspace to an app that MCP clients can use. Computed from the
// workspace's data on every read, so a step is ticked by doing it anywhere (console, API key, another teammate).
import "server-only";
import { getDb } from "@/server/db";
import { getSetupProgress } from "@/server/db/queries/setup-progress";

export type SetupStepId = "provider" | "server" | "app" | "publish";

export interface SetupStep {
  id: SetupStepId;
  title: string;
  description: string;
  done: boolean;
  /** Where the step is done: a console path. */
  href: string;
}

export async function getSetupChecklist({ workspaceId }: { workspaceId: string }) {
  const progress = await getSetupProgress(await getDb(), { workspaceId });
  const steps: SetupStep[] = [
    {
      id: "provider",
      title: "Add a model provider",
      description: "OpenAI, Anthropic or any OpenAI-compatible API: the models your apps answer with.",
      done: progress.hasProvider,
      href: "/settings/model-providers",
    },
    {
      id: "server",
      title: "Connect an MCP server",
      description: "Give agents tools: search, docs, your own services.",
      done: progress.hasServer,
      href: "/tools",
    },
    {
      id: "app",
      title: "Create an app",
      description: "Start from a template or from scratch, and try it in Debug & Preview.",
      done: progress.latestAppId !== null,
      href: "/apps?create=1",
    },
    {
      id: "publish",
      title: "Publish it as an MCP server",
      description: "Use your app from Claude, Cursor or any MCP client.",
      done: progress.hasEnabledServer,
      href: progress.latestAppId ? `/apps/${progress.latestAppId}/publish` : "/apps?create=1",
    },
  ];
  const next = steps.find((step) => !step.done) ?? null;
  return {
    steps,
    doneCount: steps.filter((step) => step.done).length,
    complete: next === null,
    /** Where the Settings entry opens: the step Settings holds while it is missing, else General. */
    settingsHref: progress.hasProvider ? "/settings" : "/settings/model-providers",
  };
}

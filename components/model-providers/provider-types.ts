// Client-side shapes of the modelProviders router, inferred so the UI follows the server.
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { ProviderKind } from "@/server/db/schema";

type Outputs = inferRouterOutputs<AppRouter>["modelProviders"];

export type ProviderView = Outputs["list"][number];
export type ProviderModelView = ProviderView["models"][number];
/** A model as sent for saving: a new one has no vision flag yet, and the server sets the default for its id. */
export type EditedModel = Omit<ProviderModelView, "vision"> & { vision?: boolean };
export type ProviderTestView = Outputs["test"];
export type DefaultModelView = Outputs["getDefaultModel"];
export type { ProviderKind };

/** Mirrors server/llm/provider-kinds.ts for what the form asks; the server still decides. */
export const kindOptions: Record<ProviderKind, { label: string; keyRequired: boolean; defaultBaseUrl: string | null }> = {
  openai: { label: "OpenAI", keyRequired: true, defaultBaseUrl: "https://api.openai.com/v1" },
  anthropic: { label: "Anthropic", keyRequired: true, defaultBaseUrl: "https://api.anthropic.com/v1" },
  openai_compatible: { label: "OpenAI-compatible", keyRequired: false, defaultBaseUrl: null },
};

export const kindOrder = ["openai", "anthropic", "openai_compatible"] as const satisfies readonly ProviderKind[];

/** The tRPC error's zod issues by field, and what is left for the form as a whole. */
export function errorsByField(error: unknown): { fields: Record<string, string>; form: string | null } {
  if (!error) return { fields: {}, form: null };
  const e = error as { message?: string; data?: { zodIssues?: { path: string; message: string }[] | null; appCode?: string | null } | null };
  const issues = e.data?.zodIssues;
  if (issues?.length) {
    const fields: Record<string, string> = {};
    for (const issue of issues) fields[issue.path || "form"] ??= issue.message;
    const { form, ...rest } = fields;
    return { fields: rest, form: form ?? null };
  }
  const message = e.message || "Something went wrong. Try again.";
  if (e.data?.appCode === "conflict:model_provider") return { fields: { name: message }, form: null };
  if (/API key/.test(message)) return { fields: { apiKey: message }, form: null };
  if (/base URL/i.test(message)) return { fields: { baseUrl: message }, form: null };
  return { fields: {}, form: message };
}

"use client";
// The Authentication section of the server form: Automatic (discovery, then a client ID metadata document or dynamic
// registration), a custom OAuth client with the exact redirect URL to register, or none (headers only); and whose
// account the server is used with: one shared connection, or each member's own.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/components/trpc/trpc-provider";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/select";
import type { FieldErrors } from "./form-errors";
import type { McpAuthMode, McpCredentialScope } from "./mcp-server-types";
import type { useServerForm } from "./use-server-form";

const modes: { value: McpAuthMode; label: string }[] = [
  { value: "oauth_auto", label: "Automatic (OAuth when the server asks)" },
  { value: "oauth_custom", label: "Custom OAuth client" },
  { value: "none", label: "None (headers only)" },
];

export function OAuthFields({ form, errors }: { form: ReturnType<typeof useServerForm>; errors: FieldErrors }) {
  const trpc = useTRPC();
  const settings = useQuery(trpc.mcpServers.oauthSettings.queryOptions());
  const { state, set } = form;
  return (
    <fieldset className="grid gap-3 rounded-lg border px-3 pb-3 pt-2">
      <legend className="px-1 text-sm font-medium">Authentication</legend>
      <Field
        label="Method"
        error={errors.authMode}
        hint={state.authMode === "oauth_auto" ? "Finds the authorization server and registers Switchyard with it. You sign in once with Authorize." : undefined}
      >
        <NativeSelect value={state.authMode} onChange={(e) => set("authMode", e.target.value as McpAuthMode)}>
          {modes.map((m) => (
            <option key={m.value} value={m.value}>
              {m.label}
            </option>
          ))}
        </NativeSelect>
      </Field>
      {state.authMode === "oauth_custom" && (
        <>
          <div className="grid gap-1.5 text-sm">
            <span className="text-muted-foreground">Redirect URL to register with your client</span>
            <span className="flex items-center gap-1 rounded-md border bg-muted/40 px-2 py-1">
              <code className="min-w-0 flex-1 break-all font-mono text-xs" data-testid="oauth-redirect-url">
                {settings.data?.redirectUrl ?? "…"}
              </code>
              {settings.data && <CopyButton value={settings.data.redirectUrl} label="redirect URL" size="icon-sm" />}
            </span>
          </div>
          <Field label="Client ID" error={errors.oauthClientId}>
            <Input value={state.oauthClientId} onChange={(e) => set("oauthClientId", e.target.value)} maxLength={500} autoComplete="off" spellCheck={false} />
          </Field>
          <Field label="Client secret" optional error={errors.oauthClientSecret} hint="Leave empty for a public client (PKCE only).">
            <Input
              type="password"
              value={state.oauthClientSecret}
              onChange={(e) => set("oauthClientSecret", e.target.value)}
              maxLength={2000}
              autoComplete="new-password"
            />
          </Field>
        </>
      )}
      {state.authMode !== "none" && (
        <Field
          label="Credentials"
          error={errors.credentialScope}
          hint={
            state.credentialScope === "per_person"
              ? "Each member connects their own account; runs use the account of the person they run for. Secret-URL and API-key callers of a published agent cannot use this server."
              : undefined
          }
        >
          <NativeSelect value={state.credentialScope} onChange={(e) => set("credentialScope", e.target.value as McpCredentialScope)}>
            <option value="shared">Shared (one connection for the workspace)</option>
            <option value="per_person">Per person (each member connects their own account)</option>
          </NativeSelect>
        </Field>
      )}
      {state.authMode !== "none" && (
        <Field label="Scopes" optional error={errors.oauthScopes} hint="Space-separated. Empty: what the server asks for.">
          <Input value={state.oauthScopes} onChange={(e) => set("oauthScopes", e.target.value)} maxLength={1000} spellCheck={false} placeholder="mcp:tools" />
        </Field>
      )}
    </fieldset>
  );
}

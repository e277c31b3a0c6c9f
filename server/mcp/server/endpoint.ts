// What a published endpoint serves, whichever kind of server its code belongs to: an app's own server (one tool,
// published_servers) or the workspace server (one tool per included app, workspace_servers). Both are read into
// this one shape (endpoint-cache.ts), so the lanes, access, logs and tools/call never ask which kind they serve.
import type { ProviderSource } from "@/server/llm/get-language-model";
import type { AppType } from "@/server/apps/app-config";
import type { ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";

/** The version's model provider, with its model's vision flag from the provider's list (null: the default applies). */
export type OfferedProvider = ProviderSource & { vision: boolean | null };

/** One published app as a tool: its published version, its model provider and the tool's public face. */
export interface OfferedApp {
  appId: string;
  appType: AppType;
  appName: string;
  version: number;
  versionId: string;
  /** The version's config as stored; parsed once per definition (build-tool.ts). */
  config: unknown;
  provider: OfferedProvider | null;
  toolName: string;
  toolDescription: string;
  parameterDescriptions: Record<string, string>;
  annotations: ToolAnnotations;
  icon: string;
  iconBackground: string;
  /** Changes whenever anything above does: the key of the built definition's cache. */
  revision: string;
}

export interface Endpoint {
  kind: "app" | "workspace";
  /** What the cache generation, rate limit, cancellations and refusal counts go by: the app id, or "workspace:<id>". */
  serverKey: string;
  workspaceId: string;
  /** The app of an app server; null for the workspace server. */
  appId: string | null;
  enabled: boolean;
  codeHash: string;
  accessMode: "url" | "api_key" | "sign_in";
  signInRestricted: boolean;
  /** The bearer key that matched, in API key mode. */
  keyId: string | null;
  keyLastUsedAt: Date | null;
  /** A tool that asks first, called by a client that cannot be asked (no elicitation): refuse and say so, or run. */
  approvalPolicy: "deny" | "allow";
  /** serverInfo. */
  info: { name: string; title: string; version: string };
  /** The server's instructions (initialize and server/discover); null for none. */
  instructions: string | null;
  /** What tools/list offers. An app server without a published version offers nothing and is not active. */
  apps: OfferedApp[];
}

export const workspaceServerKey = (workspaceId: string) => `workspace:${workspaceId}`;

/** Whether the endpoint may answer with app data: turned on, and an app server has a published version. */
export function isActive(endpoint: Endpoint): boolean {
  return endpoint.enabled && (endpoint.kind === "workspace" || endpoint.apps.length > 0);
}

// "Will it connect?": the checks a hosted MCP client (Claude's connectors, ChatGPT's developer-mode connectors) makes
// before it can use a published server, each a pure function over what the caller gathered (connect-check.ts), so
// each can be tested alone. A failed check says what is wrong and how to fix it.
import { isPublicAddress } from "@/server/mcp/client/ssrf/classify-address";
import { toolNamePattern } from "@/server/mcp/server/tool-name";
import { redirectUriProblem } from "./redirect-uri-rule";

export type CheckStatus = "pass" | "fail" | "skip";

export interface ConnectCheck {
  id: string;
  title: string;
  status: CheckStatus;
  message: string;
  /** What to do about a failure, or a caveat of a pass. */
  fix?: string;
}

/** Names that never resolve to a public address (RFC 6761 §6.3, RFC 6762, RFC 8375; .internal by ICANN). */
const localSuffixes = [".localhost", ".local", ".internal", ".home.arpa", ".lan"];

/** The host of APP_URL as DNS or an IP parser takes it, or null when APP_URL is no URL at all. */
export function appUrlHost(appUrl: string): string | null {
  const url = URL.parse(appUrl);
  return url ? url.hostname.replace(/^\[|\]$/g, "").replace(/\.$/, "").toLowerCase() : null;
}

export function isLocalName(host: string): boolean {
  return host === "localhost" || localSuffixes.some((suffix) => host.endsWith(suffix));
}

const appUrlFix = "Set APP_URL to a public https address (https://switchyard.example.com, say) that points at this deployment, and restart it.";

/**
 * Claude and ChatGPT connect from their own cloud, so the endpoint must be reachable from the internet, over https
 * (both refuse plain http for remote servers). `addresses`: what the host resolved to, null when it did not resolve.
 */
export function checkAppUrl({ appUrl, addresses }: { appUrl: string; addresses: string[] | null }): ConnectCheck {
  const base = { id: "app_url", title: "APP_URL is public and https" };
  const host = appUrlHost(appUrl);
  const fail = (why: string): ConnectCheck => ({ ...base, status: "fail", message: `Claude's and ChatGPT's cloud cannot reach ${host ?? appUrl}: ${why}.`, fix: appUrlFix });
  if (!host) return fail("APP_URL is not a URL");
  if (isLocalName(host)) return fail("it is a name for this machine or a local network");
  if (addresses === null || addresses.length === 0) return fail("the name does not resolve in DNS");
  const hidden = addresses.find((address) => !isPublicAddress(address));
  if (hidden) return fail(hidden === host ? "it is a private, loopback or reserved address" : `it resolves to ${hidden}, a private, loopback or reserved address`);
  if (new URL(appUrl).protocol !== "https:") return fail("APP_URL uses http, and they connect only over https");
  return { ...base, status: "pass", message: `${new URL(appUrl).origin} is a public https address.` };
}

export type AccessMode = "url" | "api_key" | "sign_in";

/** Claude and ChatGPT accept a remote server with no authentication or with OAuth; neither can send a pasted key. */
export function checkAccessMode(mode: AccessMode): ConnectCheck {
  const base = { id: "access_mode", title: "Access mode works with Claude and ChatGPT" };
  if (mode === "api_key") {
    return {
      ...base,
      status: "fail",
      message: "The server needs an API key, and Claude and ChatGPT cannot send one: they connect without authentication or with OAuth.",
      fix: "Under Access, choose \"Switchyard sign-in\" (workspace members sign in) or \"Anyone with the URL\". Keep keys for clients that send headers (Claude Code, Cursor, VS Code).",
    };
  }
  if (mode === "url") {
    return {
      ...base,
      status: "pass",
      message: "Anyone with the URL: in Claude and ChatGPT, connect with no authentication.",
      fix: "Anyone who has the URL can call the app, and calls do not say who made them. Choose \"Switchyard sign-in\" to require a workspace member.",
    };
  }
  return { ...base, status: "pass", message: "Switchyard sign-in: Claude and ChatGPT register themselves and ask the person to sign in and allow access." };
}

/** Tool names as MCP and the model APIs behind Claude and ChatGPT accept them (^[A-Za-z0-9_.-]{1,64}$). */
export function checkToolName(name: string): ConnectCheck {
  const base = { id: "tool_name", title: "Tool name is valid" };
  if (!toolNamePattern.test(name)) {
    const why = name.length > 64 ? `it is ${name.length} characters long, over the limit of 64` : "it may use only letters, digits, _, . and -";
    return { ...base, status: "fail", message: `The tool name "${name}" is refused by clients: ${why}.`, fix: "Edit tool and choose a name of 1 to 64 letters, digits, _, . or -." };
  }
  if (name.includes(".")) {
    return { ...base, status: "pass", message: `"${name}" is a valid MCP tool name.`, fix: "Some model APIs accept only letters, digits, _ and - in function names: a name without \".\" is the safest." };
  }
  return { ...base, status: "pass", message: `"${name}" is ${name.length} characters of letters, digits, _ and -.` };
}

/** Every tool of a server (one for an app's, one per offered app for the workspace server): the first refused name. */
export function checkToolNames(names: string[]): ConnectCheck {
  if (names.length === 0) {
    return { id: "tool_name", title: "Tool name is valid", status: "fail", message: "The server offers no tools: clients connect, but have nothing to call.", fix: "Publish an app, or switch one on for this server." };
  }
  const checks = names.map(checkToolName);
  if (names.length === 1) return checks[0]!;
  return checks.find((check) => check.status === "fail") ?? { id: "tool_name", title: "Tool names are valid", status: "pass", message: `All ${names.length} tool names are valid MCP tool names.` };
}

/** Where Claude (claude.ai and claude.com) and ChatGPT send the person back after consent. */
export const hostedClientCallbacks = [
  "https://claude.ai/api/mcp/auth_callback",
  "https://claude.com/api/mcp/auth_callback",
  "https://chatgpt.com/connector_platform_oauth_redirect",
];

/** Claude and ChatGPT register by DCR (RFC 7591) with their callback URL; both must be accepted. */
export function checkRegistration({ registrationEndpoint }: { registrationEndpoint: unknown }): ConnectCheck {
  const base = { id: "registration", title: "Claude and ChatGPT can register" };
  const refused = hostedClientCallbacks.map((uri) => ({ uri, problem: redirectUriProblem(uri) })).filter((r) => r.problem);
  if (refused.length > 0) {
    return { ...base, status: "fail", message: `These callback URLs would be refused: ${refused.map((r) => `${r.uri} (${r.problem})`).join("; ")}.`, fix: "The redirect URI rule must accept https callbacks (server/authorization-server/redirect-uri-rule.ts)." };
  }
  if (typeof registrationEndpoint !== "string" || !registrationEndpoint) {
    return { ...base, status: "fail", message: "The authorization server offers no dynamic client registration (no registration_endpoint), which Claude and ChatGPT use.", fix: "Turn dynamic client registration on in the authorization server, or pre-register a client in Settings -> OAuth clients and enter it in the connector's advanced settings." };
  }
  return { ...base, status: "pass", message: `Dynamic registration at ${registrationEndpoint} accepts the callbacks of claude.ai, claude.com and chatgpt.com.` };
}

"use client";
// The Add / Edit MCP server form: its state, the identifier that follows the name, and the API input it becomes.
import { useState } from "react";
import { iconBackgrounds } from "@/components/apps/app-types";
import type { McpAuthMode, McpCredentialScope, McpServerView, McpTransport } from "./mcp-server-types";
import { suggestIdentifier } from "./suggest-identifier";

export interface HeaderRow {
  key: number;
  name: string;
  value: string;
}

export interface ServerFormState {
  url: string;
  name: string;
  identifier: string;
  icon: string;
  iconBackground: string;
  transport: McpTransport;
  headers: HeaderRow[];
  /** Seconds, as typed. */
  connectTimeout: string;
  callTimeout: string;
  sseReadTimeout: string;
  authMode: McpAuthMode;
  oauthClientId: string;
  /** Masked when unchanged: the server keeps the stored secret. */
  oauthClientSecret: string;
  oauthScopes: string;
  credentialScope: McpCredentialScope;
}

let nextKey = 1;
export const newHeaderRow = (name = "", value = ""): HeaderRow => ({ key: nextKey++, name, value });

function initialState(server: McpServerView | null): ServerFormState {
  if (!server) {
    return {
      url: "",
      name: "",
      identifier: "",
      icon: "🔌",
      iconBackground: iconBackgrounds[0]!,
      transport: "auto",
      headers: [],
      connectTimeout: "30",
      callTimeout: "60",
      sseReadTimeout: "300",
      authMode: "oauth_auto",
      oauthClientId: "",
      oauthClientSecret: "",
      oauthScopes: "",
      credentialScope: "shared",
    };
  }
  return {
    url: server.url,
    name: server.name,
    identifier: server.identifier,
    icon: server.icon,
    iconBackground: server.iconBackground,
    transport: server.transport,
    headers: server.headers.map((h) => newHeaderRow(h.name, h.value)),
    connectTimeout: String(server.connectTimeoutMs / 1000),
    callTimeout: String(server.callTimeoutMs / 1000),
    sseReadTimeout: String(server.sseReadTimeoutMs / 1000),
    authMode: server.authMode,
    oauthClientId: server.oauth.clientId ?? "",
    oauthClientSecret: server.oauth.clientSecret ?? "",
    oauthScopes: server.oauth.scopes ?? "",
    credentialScope: server.credentialScope,
  };
}

const toMs = (seconds: string) => Math.round(Number(seconds) * 1000);

export function useServerForm(server: McpServerView | null) {
  const [state, setState] = useState(() => initialState(server));
  // A new server's identifier follows its name until the person edits the identifier.
  const [identifierEdited, setIdentifierEdited] = useState(server !== null);

  function set<K extends keyof ServerFormState>(key: K, value: ServerFormState[K]) {
    setState((s) => {
      const next = { ...s, [key]: value };
      if (key === "name" && !identifierEdited) next.identifier = suggestIdentifier(value as string);
      // Saved secrets stay only at the saved origin (scheme, host, port): a move asks for them again, as the server does.
      if (key === "url" && server && originOf(value as string) !== originOf(server.url)) {
        next.headers = s.headers.map((h) => (server.headers.some((saved) => saved.value === h.value) ? { ...h, value: "" } : h));
        if (s.oauthClientSecret === server.oauth.clientSecret) next.oauthClientSecret = "";
      }
      return next;
    });
  }

  function setIdentifier(value: string) {
    setIdentifierEdited(true);
    setState((s) => ({ ...s, identifier: value }));
  }

  const connection = {
    url: state.url.trim(),
    transport: state.transport,
    headers: state.headers.filter((h) => h.name.trim() || h.value).map(({ name, value }) => ({ name: name.trim(), value })),
    connectTimeoutMs: toMs(state.connectTimeout),
    callTimeoutMs: toMs(state.callTimeout),
    sseReadTimeoutMs: toMs(state.sseReadTimeout),
  };
  const custom = state.authMode === "oauth_custom";
  const input = {
    ...connection,
    name: state.name.trim(),
    identifier: state.identifier,
    icon: state.icon,
    iconBackground: state.iconBackground,
    authMode: state.authMode,
    oauthClientId: custom ? state.oauthClientId.trim() : undefined,
    oauthClientSecret: custom ? state.oauthClientSecret : undefined,
    oauthScopes: state.authMode === "none" ? undefined : state.oauthScopes.trim(),
    // Per person needs OAuth; "None" makes it shared again rather than a form error.
    credentialScope: state.authMode === "none" ? ("shared" as const) : state.credentialScope,
  };

  return { state, set, setIdentifier, connection, input };
}

function originOf(url: string): string | null {
  try {
    return new URL(url.trim()).origin;
  } catch {
    return null;
  }
}

// How to connect each MCP client to a published server, as each client works today, for the server's access mode.
// Pure: the card renders it and the new key's dialog copies the configurations with the real key filled in.
import type { AccessMode } from "./access-modes";

export interface ClientInstructions {
  id: "claude" | "chatgpt" | "claude-code" | "cursor" | "vscode" | "mcp-remote";
  label: string;
  /** What to do, in the client's own words. */
  steps: string[];
  /** The one thing to paste: a URL, a command or a configuration file. */
  config: string;
  /** Where `config` goes, e.g. ".cursor/mcp.json". */
  configName: string;
  /** More to copy (a command beside a file). */
  extra?: { name: string; code: string };
  /** A one-click install link the client registers for. */
  installLink?: { label: string; href: string };
  /** What the access mode means for this client; `works: false` when the client cannot connect in this mode. */
  access: { works: boolean; note: string };
}

export const keyPlaceholder = "<your API key>";

/** Claude and ChatGPT connect from their own cloud: a URL they cannot reach from the internet fails there. */
export function isPublicHttps(url: string): boolean {
  const parsed = URL.parse(url);
  if (!parsed || parsed.protocol !== "https:") return false;
  const host = parsed.hostname.replace(/^\[|\]$/g, "");
  return !/^(localhost|.*\.localhost|.*\.local|.*\.internal|127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|169\.254\.|0\.|::1$|f[cd][0-9a-f]{2}:|fe80:)/i.test(host);
}

const signInNote = (client: string) => `${client} opens Switchyard's sign-in page in a browser; each person connects with their own account.`;

/** `key`: the real key right after it is created; otherwise a placeholder in API-key mode. */
export function clientInstructions(url: string, name: string, mode: AccessMode, key?: string): ClientInstructions[] {
  const bearer = `Bearer ${key ?? keyPlaceholder}`;
  const withKey = mode === "api_key";
  const headers = withKey ? { headers: { Authorization: bearer } } : {};
  const json = (value: unknown) => JSON.stringify(value, null, 2);
  const remoteArgs = ["mcp-remote", url, ...(withKey ? ["--header", `Authorization: ${bearer}`] : [])];
  const hosted = (client: string) =>
    mode === "api_key"
      ? { works: false, note: `${client} cannot send a pasted API key. Switch Access to "Switchyard sign-in" (or "Anyone with the URL") to use it.` }
      : !isPublicHttps(url)
        ? { works: false, note: `${client} connects from its own cloud, which cannot reach ${new URL(url).host}: Switchyard's APP_URL must be a public https address.` }
        : { works: true, note: mode === "sign_in" ? signInNote(client) : `${client} connects without a sign-in: anyone with this URL can.` };
  const local = (client: string) => ({
    works: true,
    note:
      mode === "api_key"
        ? `${client} sends the key in the Authorization header.${key ? "" : ` Replace ${keyPlaceholder} with one of the server's keys.`}`
        : mode === "sign_in"
          ? signInNote(client)
          : `${client} connects without a sign-in: anyone with this URL can.`,
  });

  return [
    {
      id: "claude",
      label: "Claude",
      steps: ["In Claude (web, Desktop or mobile) open Settings → Connectors → Add custom connector.", "Paste this URL. No JSON file is needed."],
      config: url,
      configName: "Server URL",
      access: hosted("Claude"),
    },
    {
      id: "chatgpt",
      label: "ChatGPT",
      steps: [
        "In ChatGPT open Settings → Apps & Connectors → Advanced settings and turn on Developer mode.",
        "Back in Apps & Connectors choose Create, give the connector a name and paste this URL.",
        mode === "sign_in" ? "Authentication: choose OAuth." : "Authentication: choose No authentication.",
      ],
      config: url,
      configName: "Server URL",
      access: hosted("ChatGPT"),
    },
    {
      id: "claude-code",
      label: "Claude Code",
      steps: ["Run this in a terminal.", ...(mode === "sign_in" ? ["Then run /mcp in Claude Code and choose Authenticate."] : [])],
      config: `claude mcp add --transport http ${name} ${url}${withKey ? ` --header "Authorization: ${bearer}"` : ""}`,
      configName: "Command",
      access: local("Claude Code"),
    },
    {
      id: "cursor",
      label: "Cursor",
      steps: ["Open the install link, or add this to .cursor/mcp.json in your project (~/.cursor/mcp.json for every project)."],
      config: json({ mcpServers: { [name]: { url, ...headers } } }),
      configName: ".cursor/mcp.json",
      installLink: { label: "Add to Cursor", href: `cursor://anysphere.cursor-deeplink/mcp/install?name=${encodeURIComponent(name)}&config=${base64(JSON.stringify({ url, ...headers }))}` },
      access: local("Cursor"),
    },
    {
      id: "vscode",
      label: "VS Code",
      steps: ["Open the install link, or add this to .vscode/mcp.json in your workspace."],
      config: json({ servers: { [name]: { type: "http", url, ...headers } } }),
      configName: ".vscode/mcp.json",
      installLink: { label: "Add to VS Code", href: `vscode:mcp/install?${encodeURIComponent(JSON.stringify({ name, type: "http", url, ...headers }))}` },
      access: local("VS Code"),
    },
    {
      id: "mcp-remote",
      label: "mcp-remote (stdio)",
      steps: ["For clients that only start local servers (Claude Desktop's config file, older clients): they run mcp-remote, which connects to this URL. Needs Node.js."],
      config: json({ mcpServers: { [name]: { command: "npx", args: remoteArgs } } }),
      configName: "Configuration",
      extra: { name: "Command", code: `npx ${remoteArgs.map((a) => (/\s/.test(a) ? `"${a}"` : a)).join(" ")}` },
      access: local("mcp-remote"),
    },
  ];
}

function base64(text: string) {
  return btoa(String.fromCharCode(...new TextEncoder().encode(text)));
}

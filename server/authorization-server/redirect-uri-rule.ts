// Which redirect URIs a client may register (MCP authorization 2025-11-25 "Communication Security", OAuth 2.1 §7.5.1,
// RFC 8252 §7): https anywhere; http only to a loopback address, where CLIs such as mcp-remote and Claude Code listen
// on a port of their own; and private-use schemes of native apps (Cursor's `cursor://...`). Nothing that runs code
// or reads files (javascript:, data:, file:...), no fragments, no credentials in the URI.
const refusedSchemes = new Set(["javascript:", "data:", "file:", "blob:", "vbscript:", "about:", "ws:", "wss:", "ftp:"]);
const loopbackHosts = new Set(["127.0.0.1", "[::1]", "localhost"]);

/** null when the URI may be registered; otherwise why not, in words for the client's developer. */
export function redirectUriProblem(uri: string): string | null {
  const url = URL.parse(uri);
  if (!url) return "redirect_uris must be absolute URIs";
  if (url.hash || uri.includes("#")) return "redirect_uris must not contain a fragment";
  if (url.username || url.password) return "redirect_uris must not contain credentials";
  if (url.protocol === "https:") return url.hostname ? null : "an https redirect URI needs a host";
  if (url.protocol === "http:") return loopbackHosts.has(url.hostname) ? null : "http redirect URIs are allowed only for loopback addresses (127.0.0.1, [::1], localhost); use https";
  if (refusedSchemes.has(url.protocol)) return `${url.protocol} redirect URIs are not allowed`;
  // RFC 8252 §7.1: a private-use scheme of a native app; it must look like one (letters, digits, + - .).
  return /^[a-z][a-z0-9+.-]*:$/.test(url.protocol) ? null : "redirect_uris must use https, loopback http or an app's own scheme";
}
